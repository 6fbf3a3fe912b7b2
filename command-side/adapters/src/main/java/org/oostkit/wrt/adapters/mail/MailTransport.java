package org.oostkit.wrt.adapters.mail;

/** Hands a mail to a mail server (or to the dev mailbox). */
public interface MailTransport {

    /**
     * Sends the mail; returns normally once the server accepted it.
     *
     * @throws MailDeliveryException when it was not accepted, telling whether trying again may help
     */
    void send(MailMessage message);
}
