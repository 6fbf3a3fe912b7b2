package org.oostkit.wrt.adapters.mail;

import org.oostkit.wrt.api.campaign.CampaignSender;

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
                          Instant createdAt,
                          CampaignSender sender) {

    /** A mail from WRT itself (no campaign sender name, no Reply-To). */
    public MailMessage(String kind, String messageId, String to, String toName, String subject, String text,
                       String html, Map<String, String> headers, Instant createdAt) {
        this(kind, messageId, to, toName, subject, text, html, headers, createdAt, CampaignSender.NONE);
    }

    public MailMessage {
        sender = sender == null ? CampaignSender.NONE : sender;
    }

    @Override
    public String toString() {
        return "MailMessage[kind=" + kind + ", messageId=" + messageId + "]";
    }
}
