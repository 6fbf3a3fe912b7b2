package org.oostkit.wrt.adapters.mail;

import org.oostkit.wrt.api.campaign.CampaignSender;

import java.time.Instant;
import java.util.Map;

/**
 * One rendered mail, ready for a transport. Its bodies may carry a secret link or code: never log a
 * message, only its {@link #messageId()} and {@link #kind()}. {@code logoPng}: the organisation's logo, embedded
 * in the HTML as {@code cid:logo} (never a remote image), or null.
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
                          CampaignSender sender,
                          byte[] logoPng) {

    /** The content id of the embedded logo. */
    public static final String LOGO_CID = "logo";
    /** Where the HTML templates put the logo, if the organisation has one. */
    static final String LOGO_SLOT = "<!--wrt:logo-->";

    public MailMessage(String kind, String messageId, String to, String toName, String subject, String text,
                       String html, Map<String, String> headers, Instant createdAt, CampaignSender sender) {
        this(kind, messageId, to, toName, subject, text, html, headers, createdAt, sender, null);
    }

    /** A mail from WRT itself (no campaign sender name, no Reply-To). */
    public MailMessage(String kind, String messageId, String to, String toName, String subject, String text,
                       String html, Map<String, String> headers, Instant createdAt) {
        this(kind, messageId, to, toName, subject, text, html, headers, createdAt, CampaignSender.NONE);
    }

    public MailMessage {
        sender = sender == null ? CampaignSender.NONE : sender;
    }

    /** This mail with the logo shown at the top of its HTML, embedded as {@code cid:logo}. */
    public MailMessage withLogo(byte[] png) {
        if (png == null || html == null || !html.contains(LOGO_SLOT)) {
            return this;
        }
        return new MailMessage(kind, messageId, to, toName, subject, text, html.replace(LOGO_SLOT,
                logoImage("cid:" + LOGO_CID)), headers, createdAt, sender, png);
    }

    /** The logo's image tag; empty alt text, as the organisation's name follows it in words. */
    static String logoImage(String src) {
        return "<img src=\"" + src + "\" alt=\"\" style=\"display:block;max-height:48px;max-width:240px;"
                + "margin:0 0 8px 0;border:0;\">";
    }

    @Override
    public String toString() {
        return "MailMessage[kind=" + kind + ", messageId=" + messageId + "]";
    }
}
