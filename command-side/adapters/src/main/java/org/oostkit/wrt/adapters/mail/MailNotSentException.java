package org.oostkit.wrt.adapters.mail;

/**
 * A mail asked for on a request could not be sent. The message is safe to show to the person: it names
 * no secret and no server detail.
 */
public class MailNotSentException extends RuntimeException {

    private final boolean suppressed;

    public MailNotSentException(String message, boolean suppressed, Throwable cause) {
        super(message, cause);
        this.suppressed = suppressed;
    }

    /** The address bounced or complained before: this organisation does not mail it. */
    public boolean suppressed() {
        return suppressed;
    }
}
