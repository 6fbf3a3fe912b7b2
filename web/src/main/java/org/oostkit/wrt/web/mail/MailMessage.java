package org.oostkit.wrt.web.mail;

import java.time.Instant;
import java.util.Map;

/**
 * One rendered mail, ready for a transport. Its bodies may carry a secret link or code: never log a
 * message, only its {@link #messageId()} and {@link #kind()}.
 */
public record MailMessage(String kind,
                          String messageId,
                          String to,
                          String toName,
                          String subject,
                          String text,
                          String html,
                          Map<String, String> headers,
                          Instant createdAt) {

    @Override
    public String toString() {
        return "MailMessage[kind=" + kind + ", messageId=" + messageId + "]";
    }
}
