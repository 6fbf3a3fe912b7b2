package org.oostkit.wrt.adapters.mail;

import org.oostkit.wrt.adapters.i18n.Texts;

import org.oostkit.wrt.api.common.Emails;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Mail me a copy of my list": a nominator's saved list, sent at once to the invitation's own (verified)
 * address only, never to an address typed on the page; nothing is stored or recorded.
 */
@Component
public class NominationCopies {

    /** One named person as the copy lists them. */
    public record Named(String name, String email, String reason) {
    }

    private final JdbcTemplate jdbc;
    private final MailComposer composer;
    private final RequestMail sender;

    NominationCopies(JdbcTemplate jdbc, MailComposer composer, RequestMail sender) {
        this.jdbc = jdbc;
        this.composer = composer;
        this.sender = sender;
    }

    /**
     * Mails the copy to the address the invitation was sent to.
     *
     * @throws MailNotSentException when the address is suppressed or the server did not take the mail
     */
    public void send(OrganisationId organisationId, InvitationId invitationId, List<Named> people, Instant savedAt) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT p.email, g.name AS organisation_name, k.name AS campaign_name, r.deadline,
                       COALESCE(k.time_zone, g.time_zone) AS time_zone, k.sender_name, k.reply_to, k.contact_name, k.contact_email,
                       k.language
                FROM mail_recipient p
                JOIN mail_campaign k ON k.campaign_id = p.campaign_id
                JOIN mail_organisation g ON g.organisation_id = p.organisation_id
                JOIN mail_round r ON r.round_id = p.round_id
                WHERE p.invitation_id = ? AND p.organisation_id = ?
                """, invitationId.value(), organisationId.value());
        if (rows.isEmpty()) {
            throw new MailNotSentException("We could not find your invitation's address. Please try again later.",
                    false, null);
        }
        Map<String, Object> row = rows.get(0);
        String email = Emails.normalise((String) row.get("email"));
        if (jdbc.queryForObject("SELECT count(*) FROM mail_suppression WHERE organisation_id = ? AND email = ?",
                Integer.class, organisationId.value(), email) > 0) {
            throw new MailNotSentException("We no longer send mail to this address: an earlier mail bounced or was "
                    + "reported as spam.", true, null);
        }
        List<Map<String, String>> listed = people.stream().map(p -> {
            Map<String, String> person = new LinkedHashMap<>();
            person.put("name", p.name());
            person.put("email", p.email());
            if (p.reason() != null && !p.reason().isBlank()) {
                person.put("reason", p.reason().strip());
            }
            return person;
        }).toList();
        sender.sendWithLogo(organisationId.value(), composer.nominationCopy(organisationId.value(),
                (String) row.get("organisation_name"),
                (String) row.get("campaign_name"), email, listed, savedAt,
                ((java.sql.Timestamp) row.get("deadline")).toInstant(), composer.zone((String) row.get("time_zone")),
                new org.oostkit.wrt.api.campaign.CampaignSender((String) row.get("sender_name"),
                        (String) row.get("reply_to"), (String) row.get("contact_name"),
                        (String) row.get("contact_email")), Texts.locale((String) row.get("language"))));
    }
}
