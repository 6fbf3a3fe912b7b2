package org.oostkit.wrt.adapters.mail;

/**
 * A mail was not accepted. {@code permanent}: the server refused it for good (5xx, invalid address), so
 * trying again would not help. {@code serverUnavailable}: no server could be reached at all, so every other
 * mail would fail the same way right now.
 */
public class MailDeliveryException extends RuntimeException {

    private final boolean permanent;
    private final boolean serverUnavailable;

    public MailDeliveryException(String reason, boolean permanent, boolean serverUnavailable, Throwable cause) {
        super(reason, cause);
        this.permanent = permanent;
        this.serverUnavailable = serverUnavailable;
    }

    public boolean permanent() {
        return permanent;
    }

    public boolean serverUnavailable() {
        return serverUnavailable;
    }
}
