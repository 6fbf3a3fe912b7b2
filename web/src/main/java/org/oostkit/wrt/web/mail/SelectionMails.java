package org.oostkit.wrt.web.mail;

import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.CampaignSender;
import org.oostkit.wrt.api.invitation.MailPurpose;
import org.oostkit.wrt.web.i18n.Texts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * For the shortlist pages: the "you have been selected" mail as it would read (the preview), and how each
 * person's selection mail stands in the outbox, which is where the mail's fate is known first.
 */
@Component
public class SelectionMails {

    /** A rendered preview. */
    public record Preview(String subject, String text, String html) {
    }

    /** A person's selection mail: {@code state} one of queued, sent, not-sent, uncertain; {@code at} when finished. */
    public record Status(String state, Instant at, String problem) {
    }

    private final MailComposer composer;
    private final JdbcTemplate jdbc;

    SelectionMails(MailComposer composer, JdbcTemplate jdbc) {
        this.composer = composer;
        this.jdbc = jdbc;
    }

    /** The mail exactly as the outbox composes it, for the given person's name, in the campaign's language. */
    public Preview preview(String organisationName, String campaignName, String name, String message,
                           CampaignSender sender, String language) {
        MailMessage mail = composer.selectionMail(null, organisationName, campaignName, "preview@example.org", name,
                message, sender, Texts.locale(language));
        return new Preview(mail.subject(), mail.text(), mail.html());
    }

    /** Per person id: their selection mail's state, for everyone a selection mail was asked for. */
    public Map<UUID, Status> statuses(CampaignId campaign) {
        Map<UUID, Status> statuses = new HashMap<>();
        jdbc.query("""
                SELECT invitation_id, status, finished_at, last_error FROM mail_outbox
                WHERE campaign_id = ? AND purpose = ?
                """, rs -> {
            String status = rs.getString("status");
            String state = switch (status) {
                case "sent" -> "sent";
                case "uncertain" -> "uncertain";
                case "failed", "suppressed", "cancelled" -> "not-sent";
                default -> "queued";
            };
            var finished = rs.getTimestamp("finished_at");
            statuses.put(rs.getObject("invitation_id", UUID.class), new Status(state,
                    finished == null ? null : finished.toInstant(), rs.getString("last_error")));
        }, campaign.value(), MailPurpose.SELECTION.name());
        return statuses;
    }
}
