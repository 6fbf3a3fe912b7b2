package org.oostkit.wrt.adapters.mail;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.campaign.CampaignCreated;
import org.oostkit.wrt.api.campaign.CampaignDetailsChanged;
import org.oostkit.wrt.api.campaign.CampaignErased;
import org.oostkit.wrt.api.campaign.CampaignLanguageChanged;
import org.oostkit.wrt.api.campaign.CampaignSenderChanged;
import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.api.campaign.CampaignTimeZoneChanged;
import org.oostkit.wrt.api.campaign.PersonErased;
import org.oostkit.wrt.api.campaign.SelectionMailRequested;
import org.oostkit.wrt.api.common.Emails;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.invitation.DeliveryKind;
import org.oostkit.wrt.api.invitation.DeliveryRecorded;
import org.oostkit.wrt.api.invitation.InvitationRepeatRequested;
import org.oostkit.wrt.api.invitation.InvitationResendRequested;
import org.oostkit.wrt.api.invitation.MailPurpose;
import org.oostkit.wrt.api.nomination.NominationRevised;
import org.oostkit.wrt.api.nomination.NominationSubmitted;
import org.oostkit.wrt.api.organisation.OrganisationRegistered;
import org.oostkit.wrt.api.organisation.OrganisationTimeZoneChanged;
import org.oostkit.wrt.api.round.ReminderDue;
import org.oostkit.wrt.api.round.RemindNowRequested;
import org.oostkit.wrt.api.round.RoundClosed;
import org.oostkit.wrt.api.round.RoundExtended;
import org.oostkit.wrt.api.round.RoundStarted;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/**
 * Turns events into outbox rows in the processor's transaction, so that each event becomes rows exactly
 * once; never replayed, so that a reset mails nobody again.
 */
@Component
@ProcessingGroup(MailPolicy.GROUP)
@DisallowReplay
class MailPolicy {

    static final String GROUP = "mail-policy";

    private final JdbcTemplate jdbc;

    MailPolicy(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OrganisationRegistered event) {
        jdbc.update("""
                INSERT INTO mail_organisation (organisation_id, slug, name) VALUES (?, ?, ?)
                ON CONFLICT (organisation_id) DO UPDATE SET slug = EXCLUDED.slug, name = EXCLUDED.name
                """, event.organisationId().value(), event.slug(), event.name());
    }

    /** The organisation's row exists: its registration comes first in its own event sequence. */
    @EventHandler
    void on(OrganisationTimeZoneChanged event) {
        jdbc.update("UPDATE mail_organisation SET time_zone = ? WHERE organisation_id = ?", event.timeZone(),
                event.organisationId().value());
    }

    @EventHandler
    void on(CampaignTimeZoneChanged event) {
        jdbc.update("UPDATE mail_campaign SET time_zone = ? WHERE campaign_id = ?", event.timeZone(),
                event.campaignId().value());
    }

    @EventHandler
    void on(CampaignCreated event) {
        campaign(event.organisationId().value(), event.campaignId().value(), event.settings());
    }

    @EventHandler
    void on(CampaignDetailsChanged event) {
        campaign(event.organisationId().value(), event.campaignId().value(), event.settings());
    }

    private void campaign(UUID organisation, UUID campaign, CampaignSettings settings) {
        jdbc.update("""
                INSERT INTO mail_campaign (campaign_id, organisation_id, name, invitation_text) VALUES (?, ?, ?, ?)
                ON CONFLICT (campaign_id) DO UPDATE SET name = EXCLUDED.name, invitation_text = EXCLUDED.invitation_text
                """, campaign, organisation, settings.name(),
                settings.invitationText() == null ? "" : settings.invitationText());
    }

    @EventHandler
    void on(CampaignLanguageChanged event) {
        jdbc.update("UPDATE mail_campaign SET language = ? WHERE campaign_id = ?", event.language(),
                event.campaignId().value());
    }

    /** The sender name, Reply-To and contact person of the campaign's mails from now on. */
    @EventHandler
    void on(CampaignSenderChanged event) {
        jdbc.update("""
                UPDATE mail_campaign SET sender_name = ?, reply_to = ?, contact_name = ?, contact_email = ?
                WHERE campaign_id = ?
                """, event.sender().senderName(), event.sender().replyTo(), event.sender().contactName(),
                event.sender().contactEmail(), event.campaignId().value());
    }

    @EventHandler
    void on(RoundStarted event) {
        jdbc.update("""
                INSERT INTO mail_round (round_id, organisation_id, campaign_id, round_number, deadline)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (round_id) DO NOTHING
                """, event.roundId().value(), event.organisationId().value(), event.campaignId().value(),
                event.roundNumber(), java.sql.Timestamp.from(event.deadline()));
    }

    @EventHandler
    void on(RoundExtended event) {
        jdbc.update("UPDATE mail_round SET deadline = ? WHERE round_id = ?", java.sql.Timestamp.from(event.deadline()),
                event.roundId().value());
    }

    /** Mail about a closed round would only lead to a "round closed" page: what has not gone out stays in. */
    @EventHandler
    void on(RoundClosed event, @Timestamp Instant at) {
        jdbc.update("UPDATE mail_round SET closed_at = ? WHERE round_id = ?", java.sql.Timestamp.from(at),
                event.roundId().value());
        jdbc.update("""
                UPDATE mail_outbox SET status = 'cancelled', finished_at = now(), recorded = TRUE,
                    last_error = 'the round closed before this mail could go out'
                WHERE round_id = ? AND status = 'pending'
                """, event.roundId().value());
    }

    @EventHandler
    void on(ContactInvited event) {
        String email = Emails.normalise(event.email());
        jdbc.update("""
                INSERT INTO mail_recipient (invitation_id, organisation_id, campaign_id, round_id, email, name,
                    person_id)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (invitation_id) DO NOTHING
                """, event.invitationId().value(), event.organisationId().value(), event.campaignId().value(),
                event.roundId().value(), email, event.name() == null ? "" : event.name(), event.personId().value());
        String suppressed = suppression(event.organisationId().value(), email);
        if (suppressed != null) {
            jdbc.update("""
                    INSERT INTO mail_outbox (invitation_id, purpose, organisation_id, campaign_id, round_id, status,
                        finished_at, last_error)
                    VALUES (?, ?, ?, ?, ?, 'suppressed', now(), ?) ON CONFLICT DO NOTHING
                    """, event.invitationId().value(), MailPurpose.INVITATION.name(), event.organisationId().value(),
                    event.campaignId().value(), event.roundId().value(), suppressedReason(suppressed));
        } else if (!Emails.isValid(email)) {
            // e.g. erased ("[erased]") before this policy saw it
            jdbc.update("""
                    INSERT INTO mail_outbox (invitation_id, purpose, organisation_id, campaign_id, round_id, status,
                        finished_at, last_error)
                    VALUES (?, ?, ?, ?, ?, 'failed', now(), 'no valid address') ON CONFLICT DO NOTHING
                    """, event.invitationId().value(), MailPurpose.INVITATION.name(), event.organisationId().value(),
                    event.campaignId().value(), event.roundId().value());
        } else {
            jdbc.update("""
                    INSERT INTO mail_outbox (invitation_id, purpose, organisation_id, campaign_id, round_id)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                    """, event.invitationId().value(), MailPurpose.INVITATION.name(), event.organisationId().value(),
                    event.campaignId().value(), event.roundId().value());
        }
    }

    /**
     * A shortlisted person is to be told of their selection: one outbox row keyed by their person id (it belongs
     * to no round), inserted once whatever happens later; suppressed or unusable addresses end at once.
     */
    @EventHandler
    void on(SelectionMailRequested event) {
        String email = Emails.normalise(event.email());
        UUID person = event.personId().value();
        jdbc.update("""
                INSERT INTO mail_recipient (invitation_id, organisation_id, campaign_id, round_id, email, name, person_id)
                VALUES (?, ?, ?, NULL, ?, ?, ?) ON CONFLICT (invitation_id) DO NOTHING
                """, person, event.organisationId().value(), event.campaignId().value(), email,
                event.name() == null ? "" : event.name(), person);
        String suppressed = suppression(event.organisationId().value(), email);
        String status = "pending";
        String error = null;
        if (suppressed != null) {
            status = "suppressed";
            error = suppressedReason(suppressed);
        } else if (!Emails.isValid(email)) {
            status = "failed";
            error = "no valid address";
        }
        jdbc.update("""
                INSERT INTO mail_outbox (invitation_id, purpose, organisation_id, campaign_id, round_id, status, message,
                    finished_at, last_error)
                VALUES (?, ?, ?, ?, NULL, ?, ?, CASE WHEN ? THEN NULL ELSE now() END, ?)
                ON CONFLICT DO NOTHING
                """, person, MailPurpose.SELECTION.name(), event.organisationId().value(), event.campaignId().value(),
                status, event.message() == null ? "" : event.message(), error == null, error);
    }

    /**
     * An admin decided to send the invitation again: its outbox row, finished without a sure mail, goes back to
     * the queue as a new one (a fresh link is made when it is handed over). Once per decision: the row moves
     * only from a finished state, and this handler sees each event once.
     */
    @EventHandler
    void on(InvitationResendRequested event) {
        jdbc.update("""
                UPDATE mail_outbox SET status = 'pending', attempts = 0, next_attempt_at = now(), claimed_by = NULL,
                    claimed_at = NULL, finished_at = NULL, last_error = NULL, recorded = FALSE, token_hash = NULL,
                    provider_message_id = NULL, recording_at = NULL
                WHERE invitation_id = ? AND purpose = ? AND status IN ('uncertain', 'failed', 'suppressed')
                """, event.invitationId().value(), MailPurpose.INVITATION.name());
    }

    /**
     * An erased campaign is mailed no more, and its recipients' addresses and names leave the mail tables;
     * mails already out stay recorded (without personal data) in the outbox.
     */
    @EventHandler
    void on(CampaignErased event) {
        jdbc.update("""
                UPDATE mail_outbox SET status = 'cancelled', finished_at = now(),
                    last_error = 'the campaign was erased before this mail could go out'
                WHERE campaign_id = ? AND status = 'pending'
                """, event.campaignId().value());
        jdbc.update("UPDATE mail_outbox SET message = NULL WHERE campaign_id = ? AND message IS NOT NULL",
                event.campaignId().value());
        jdbc.update("DELETE FROM mail_recipient WHERE campaign_id = ?", event.campaignId().value());
        jdbc.update("DELETE FROM mail_admin_action WHERE campaign_id = ?", event.campaignId().value());
        jdbc.update("""
                UPDATE mail_campaign SET sender_name = '', reply_to = '', contact_name = '', contact_email = ''
                WHERE campaign_id = ?
                """, event.campaignId().value());
    }

    /** An erased person is mailed no more by this campaign, and their address and name leave the mail tables. */
    @EventHandler
    void on(PersonErased event) {
        jdbc.update("""
                UPDATE mail_outbox SET status = 'cancelled', finished_at = now(),
                    last_error = 'this person''s data was erased before the mail could go out'
                WHERE status = 'pending' AND invitation_id IN
                    (SELECT invitation_id FROM mail_recipient WHERE campaign_id = ? AND person_id = ?)
                """, event.campaignId().value(), event.personId().value());
        jdbc.update("DELETE FROM mail_recipient WHERE campaign_id = ? AND person_id = ?", event.campaignId().value(),
                event.personId().value());
    }

    @EventHandler
    void on(NominationSubmitted event) {
        if (event.answered()) { // an empty list of old was no answer: its nominator is still reminded
            responded(event.invitationId().value());
        }
    }

    @EventHandler
    void on(NominationRevised event) {
        if (event.answered()) {
            responded(event.invitationId().value());
        }
    }

    private void responded(UUID invitation) {
        jdbc.update("UPDATE mail_recipient SET responded = TRUE WHERE invitation_id = ?", invitation);
    }

    /**
     * Reminders go to the invitations of the round that have not answered, whose address has not failed for
     * good (bounce, complaint, a permanent SMTP refusal) and is not suppressed in the organisation.
     */
    @EventHandler
    void on(ReminderDue event) {
        jdbc.update("""
                INSERT INTO mail_outbox (invitation_id, purpose, organisation_id, campaign_id, round_id)
                SELECT p.invitation_id, 'REMINDER', p.organisation_id, p.campaign_id, p.round_id
                FROM mail_recipient p
                WHERE p.round_id = ? AND NOT p.responded AND p.undeliverable IS NULL
                  AND NOT EXISTS (SELECT 1 FROM mail_suppression s
                                  WHERE s.organisation_id = p.organisation_id AND s.email = p.email)
                  AND NOT EXISTS (SELECT 1 FROM mail_outbox i
                                  WHERE i.invitation_id = p.invitation_id AND i.purpose = 'INVITATION'
                                    AND i.status IN ('failed', 'suppressed', 'cancelled'))
                ON CONFLICT DO NOTHING
                """, event.roundId().value());
    }

    // ---- an admin's "send again" and "remind now" (issue #17) ----

    /** A finished row whose outcome is on its invitation may be queued again; one still on its way stays so. */
    private static final String REQUEUE = """
            ON CONFLICT (invitation_id, purpose) DO UPDATE SET status = EXCLUDED.status, attempts = 0,
                next_attempt_at = now(), claimed_by = NULL, claimed_at = NULL, created_at = now(),
                finished_at = EXCLUDED.finished_at, last_error = EXCLUDED.last_error, recorded = FALSE,
                token_hash = NULL, provider_message_id = NULL, recording_at = NULL
            WHERE mail_outbox.recorded
              AND mail_outbox.status IN ('sent', 'failed', 'uncertain', 'suppressed', 'cancelled')
            """;

    /**
     * The invitation once more, with a new link: queued unless the address is suppressed in the organisation
     * (then the row ends as suppressed, and the invitation learns why).
     */
    @EventHandler
    void on(InvitationRepeatRequested event, @Timestamp Instant at,
            @MetaDataValue(Actor.METADATA_KEY) String actor) {
        UUID invitation = event.invitationId().value();
        action(event.organisationId().value(), event.campaignId().value(), event.roundId().value(), invitation,
                "RESEND", actor, at);
        var emails = jdbc.queryForList("SELECT email FROM mail_recipient WHERE invitation_id = ?", String.class,
                invitation);
        String email = emails.isEmpty() ? null : emails.get(0);
        String suppressed = email == null ? null : suppression(event.organisationId().value(), email);
        String status = suppressed != null ? "suppressed" : Emails.isValid(email) ? "pending" : "failed";
        String error = suppressed != null ? suppressedReason(suppressed)
                : "pending".equals(status) ? null : "no valid address";
        jdbc.update("""
                INSERT INTO mail_outbox (invitation_id, purpose, organisation_id, campaign_id, round_id, status,
                    finished_at, last_error)
                VALUES (?, 'RESEND', ?, ?, ?, ?, ?, ?)
                """ + REQUEUE, invitation, event.organisationId().value(), event.campaignId().value(),
                event.roundId().value(), status, "pending".equals(status) ? null : java.sql.Timestamp.from(at), error);
    }

    /** "Remind now": the same people the deadline's reminder would mail, now, once per decision. */
    @EventHandler
    void on(RemindNowRequested event, @Timestamp Instant at, @MetaDataValue(Actor.METADATA_KEY) String actor) {
        action(event.organisationId().value(), event.campaignId().value(), event.roundId().value(), null,
                "REMIND_NOW", actor, at);
        jdbc.update("""
                INSERT INTO mail_outbox (invitation_id, purpose, organisation_id, campaign_id, round_id, status,
                    finished_at, last_error)
                SELECT p.invitation_id, 'REMINDER_NOW', p.organisation_id, p.campaign_id, p.round_id, 'pending',
                    NULL::timestamptz, NULL
                FROM mail_recipient p
                WHERE p.round_id = ? AND NOT p.responded AND p.undeliverable IS NULL
                  AND NOT EXISTS (SELECT 1 FROM mail_suppression s
                                  WHERE s.organisation_id = p.organisation_id AND s.email = p.email)
                  AND NOT EXISTS (SELECT 1 FROM mail_outbox i
                                  WHERE i.invitation_id = p.invitation_id AND i.purpose = 'INVITATION'
                                    AND i.status IN ('failed', 'suppressed', 'cancelled'))
                """ + REQUEUE, event.roundId().value());
    }

    private void action(UUID organisation, UUID campaign, UUID round, UUID invitation, String action, String actor,
                        Instant at) {
        jdbc.update("""
                INSERT INTO mail_admin_action (organisation_id, campaign_id, round_id, invitation_id, action, actor,
                    occurred_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, organisation, campaign, round, invitation, action, actor == null ? "unknown" : actor,
                java.sql.Timestamp.from(at));
    }

    /** A hard bounce or a spam complaint: this organisation does not mail the address again. */
    @EventHandler
    void on(DeliveryRecorded event) {
        if (event.kind() != DeliveryKind.BOUNCED && event.kind() != DeliveryKind.SPAM_COMPLAINT) {
            return;
        }
        UUID invitation = event.invitationId().value();
        jdbc.update("UPDATE mail_recipient SET undeliverable = ? WHERE invitation_id = ?", event.kind().name(),
                invitation);
        jdbc.update("""
                INSERT INTO mail_suppression (organisation_id, email, reason, invitation_id, occurred_at)
                SELECT p.organisation_id, p.email, ?, p.invitation_id, ?
                FROM mail_recipient p WHERE p.invitation_id = ?
                ON CONFLICT (organisation_id, email) DO NOTHING
                """, event.kind().name(),
                java.sql.Timestamp.from(event.occurredAt() == null ? Instant.now() : event.occurredAt()), invitation);
        jdbc.update("""
                UPDATE mail_outbox o SET status = 'suppressed', finished_at = now(), recorded = FALSE, last_error = ?
                FROM mail_recipient p, mail_recipient q
                WHERE q.invitation_id = ? AND p.organisation_id = q.organisation_id AND p.email = q.email
                  AND o.invitation_id = p.invitation_id AND o.status = 'pending'
                """, suppressedReason(event.kind().name()), invitation);
    }

    private String suppression(UUID organisation, String email) {
        var reasons = jdbc.queryForList("SELECT reason FROM mail_suppression WHERE organisation_id = ? AND email = ?",
                String.class, organisation, email);
        return reasons.isEmpty() ? null : reasons.get(0);
    }

    static String suppressedReason(String kind) {
        return "SPAM_COMPLAINT".equals(kind)
                ? "not sent: this address reported an earlier mail as spam"
                : "not sent: mail to this address bounced before";
    }
}
