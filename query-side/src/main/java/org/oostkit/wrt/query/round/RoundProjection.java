package org.oostkit.wrt.query.round;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.invitation.DeliveryRecorded;
import org.oostkit.wrt.api.invitation.InvitationLinkOpened;
import org.oostkit.wrt.api.invitation.InvitationResendRequested;
import org.oostkit.wrt.api.invitation.InvitationTokenIssued;
import org.oostkit.wrt.api.invitation.MailFailed;
import org.oostkit.wrt.api.invitation.MailOutcomeUncertain;
import org.oostkit.wrt.api.invitation.MailPurpose;
import org.oostkit.wrt.api.invitation.MailSent;
import org.oostkit.wrt.api.invitation.NominatorVerified;
import org.oostkit.wrt.api.invitation.VerificationCodeIssued;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.ReminderDue;
import org.oostkit.wrt.api.round.RoundClosed;
import org.oostkit.wrt.api.round.RoundExtended;
import org.oostkit.wrt.api.round.RoundStarted;
import org.oostkit.wrt.query.api.ContactView;
import org.oostkit.wrt.query.config.DefersWrites;
import org.oostkit.wrt.query.config.ReadModelWrites;
import org.oostkit.wrt.query.config.ReadModelWrites.Stage;
import org.oostkit.wrt.query.config.ReadModels;
import org.oostkit.wrt.query.tenant.TenantDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Round status and contact tracking. Timeline columns keep the first moment of each step. The contact rows
 * and the steps that only set their own column wait for the end of the batch ({@link DefersWrites}); the
 * delivery status, which depends on the order of sending, failing and the provider's news, is written by
 * handlers that see every earlier write.
 */
@Component
@ProcessingGroup(ReadModels.GROUP)
class RoundProjection {

    private final JdbcTemplate jdbc;
    private final TenantDirectory tenants;
    private final LiveRounds live;
    private final ReadModelWrites writes;

    RoundProjection(JdbcTemplate jdbc, TenantDirectory tenants, LiveRounds live, ReadModelWrites writes) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.live = live;
        this.writes = writes;
    }

    @EventHandler
    void on(RoundStarted event, @Timestamp Instant at, @MetaDataValue(Actor.TENANT_KEY) String tenant) {
        String s = tenants.schemaForEvent(tenant, event.organisationId());
        jdbc.update("INSERT INTO " + s + ".round (round_id, campaign_id, round_number, status, started_at, deadline, "
                        + "reminder_at, invitation_count) VALUES (?, ?, ?, 'OPEN', ?, ?, ?, ?) "
                        + "ON CONFLICT (round_id) DO NOTHING",
                event.roundId().value(), event.campaignId().value(), event.roundNumber(), ts(at),
                ts(event.deadline()), ts(event.reminderAt()), event.invitationCount());
        live.roundChanged(event.organisationId(), event.campaignId(), event.roundNumber());
    }

    @EventHandler
    void on(RoundExtended event, @MetaDataValue(Actor.TENANT_KEY) String tenant) {
        String s = tenants.schemaForEvent(tenant, event.organisationId());
        jdbc.update("UPDATE " + s + ".round SET deadline = ?, reminder_at = ? WHERE round_id = ?",
                ts(event.deadline()), ts(event.reminderAt()), event.roundId().value());
        live.roundChanged(event.organisationId(), event.campaignId(), event.roundNumber());
    }

    @EventHandler
    void on(ReminderDue event, @Timestamp Instant at, @MetaDataValue(Actor.TENANT_KEY) String tenant) {
        String s = tenants.schemaForEvent(tenant, event.organisationId());
        jdbc.update("UPDATE " + s + ".round SET reminder_sent_at = coalesce(reminder_sent_at, ?) WHERE round_id = ?",
                ts(at), event.roundId().value());
        live.roundChanged(event.organisationId(), event.campaignId(), event.roundNumber());
    }

    @EventHandler
    void on(RoundClosed event, @Timestamp Instant at, @MetaDataValue(Actor.TENANT_KEY) String tenant) {
        String s = tenants.schemaForEvent(tenant, event.organisationId());
        jdbc.update("UPDATE " + s + ".round SET status = 'CLOSED', closed_at = coalesce(closed_at, ?), "
                + "close_reason = ? WHERE round_id = ?", ts(at), event.reason().name(), event.roundId().value());
        live.roundChanged(event.organisationId(), event.campaignId(), event.roundNumber());
    }

    @EventHandler
    @DefersWrites
    void on(ContactInvited event, @Timestamp Instant at, @MetaDataValue(Actor.TENANT_KEY) String tenant) {
        String s = tenants.schemaForEvent(tenant, event.organisationId());
        writes.update(Stage.ROWS, "INSERT INTO " + s + ".contact (invitation_id, campaign_id, round_id, round_number, person_id, "
                        + "name, email, delivery_status, invited_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?) "
                        + "ON CONFLICT (invitation_id) DO NOTHING",
                event.invitationId().value(), event.campaignId().value(), event.roundId().value(),
                event.roundNumber(), event.personId().value(), event.name(), event.email(), ts(at));
        live.roundChanged(event.organisationId(), event.campaignId(), event.roundNumber());
    }

    /** May wait: of the marked handlers, only this one sets the delivery status (unmarked ones see it written). */
    @EventHandler
    @DefersWrites
    void on(MailSent event, @Timestamp Instant at, @MetaDataValue(Actor.TENANT_KEY) String tenant) {
        String s = tenants.schemaForEvent(tenant, event.organisationId());
        if (event.purpose().reminder()) {
            touch(s, "reminded_at", at, event.invitationId().value());
        } else {
            writes.update(Stage.CHANGES, "UPDATE " + s + ".contact SET sent_at = coalesce(sent_at, ?), failure_reason = NULL, "
                            + "delivery_status = CASE WHEN delivery_status IN ('PENDING', 'FAILED', 'UNCERTAIN') THEN 'SENT' "
                            + "ELSE delivery_status END WHERE invitation_id = ?",
                    ts(at), event.invitationId().value());
        }
        contactChanged(s, event.organisationId(), event.campaignId(), event.invitationId().value());
    }

    @EventHandler
    void on(MailFailed event, @Timestamp Instant at, @MetaDataValue(Actor.TENANT_KEY) String tenant) {
        String s = tenants.schemaForEvent(tenant, event.organisationId());
        if (event.purpose() == MailPurpose.INVITATION) {
            jdbc.update("UPDATE " + s + ".contact SET failed_at = ?, failure_reason = ?, delivery_status = "
                            + "CASE WHEN delivery_status IN ('PENDING', 'UNCERTAIN') THEN 'FAILED' ELSE delivery_status END "
                            + "WHERE invitation_id = ?",
                    ts(at), event.reason(), event.invitationId().value());
            contactChanged(s, event.organisationId(), event.campaignId(), event.invitationId().value());
        }
    }

    /** Listed for the admin as "not sure this mail went out", with the choice to send it again. */
    @EventHandler
    void on(MailOutcomeUncertain event, @Timestamp Instant at, @MetaDataValue(Actor.TENANT_KEY) String tenant) {
        String s = tenants.schemaForEvent(tenant, event.organisationId());
        if (event.purpose() == MailPurpose.INVITATION) {
            jdbc.update("UPDATE " + s + ".contact SET failed_at = ?, failure_reason = ?, delivery_status = "
                            + "CASE WHEN delivery_status = 'PENDING' THEN 'UNCERTAIN' ELSE delivery_status END "
                            + "WHERE invitation_id = ?",
                    ts(at), ContactView.UNCERTAIN_REASON, event.invitationId().value());
            contactChanged(s, event.organisationId(), event.campaignId(), event.invitationId().value());
        }
    }

    /** On its way again: pending as a new invitation is, until the new mail's outcome is known. */
    @EventHandler
    void on(InvitationResendRequested event, @MetaDataValue(Actor.TENANT_KEY) String tenant) {
        String s = tenants.schemaForEvent(tenant, event.organisationId());
        jdbc.update("UPDATE " + s + ".contact SET failed_at = NULL, failure_reason = NULL, delivery_status = 'PENDING' "
                + "WHERE invitation_id = ? AND delivery_status IN ('FAILED', 'UNCERTAIN')", event.invitationId().value());
        contactChanged(s, event.organisationId(), event.campaignId(), event.invitationId().value());
    }

    @EventHandler
    void on(DeliveryRecorded event, @MetaDataValue(Actor.TENANT_KEY) String tenant) {
        String s = tenants.schemaForEvent(tenant, event.organisationId());
        String column = switch (event.kind()) {
            // a soft bounce is passing news (the provider tries again): it shows in the status only
            case SOFT_BOUNCED -> null;
            case DELIVERED -> "delivered_at";
            case OPENED -> "opened_at";
            case CLICKED -> "clicked_at";
            case BOUNCED -> "bounced_at";
            case SPAM_COMPLAINT -> "spam_at";
        };
        if (column == null) {
            jdbc.update("UPDATE " + s + ".contact SET delivery_status = ? WHERE invitation_id = ?",
                    event.status().name(), event.invitationId().value());
        } else {
            jdbc.update("UPDATE " + s + ".contact SET " + column + " = coalesce(" + column + ", ?), delivery_status = ? "
                    + "WHERE invitation_id = ?", ts(event.occurredAt()), event.status().name(), event.invitationId().value());
        }
        contactChanged(s, event.organisationId(), event.campaignId(), event.invitationId().value());
    }

    /**
     * Every token is kept, so that the first mail's link still works after a reminder (people who have not
     * answered often tap the first mail); the round's closing ends them all. Handled twice, it adds nothing.
     */
    @EventHandler
    @DefersWrites
    void on(InvitationTokenIssued event, @MetaDataValue(Actor.TENANT_KEY) String tenant) {
        String s = tenants.schemaForEvent(tenant, event.organisationId());
        writes.update(Stage.CHANGES, "UPDATE " + s + ".contact SET token_hash = ?, token_hashes = CASE WHEN "
                        + "? = ANY(token_hashes) THEN token_hashes ELSE array_append(token_hashes, ?) END "
                        + "WHERE invitation_id = ?", event.tokenHash(), event.tokenHash(), event.tokenHash(),
                event.invitationId().value());
    }

    @EventHandler
    @DefersWrites
    void on(InvitationLinkOpened event, @Timestamp Instant at, @MetaDataValue(Actor.TENANT_KEY) String tenant) {
        String s = tenants.schemaForEvent(tenant, event.organisationId());
        touch(s, "link_opened_at", at, event.invitationId().value());
        contactChanged(s, event.organisationId(), event.campaignId(), event.invitationId().value());
    }

    @EventHandler
    @DefersWrites
    void on(VerificationCodeIssued event, @Timestamp Instant at, @MetaDataValue(Actor.TENANT_KEY) String tenant) {
        String s = tenants.schemaForEvent(tenant, event.organisationId());
        touch(s, "code_sent_at", at, event.invitationId().value());
    }

    @EventHandler
    @DefersWrites
    void on(NominatorVerified event, @Timestamp Instant at, @MetaDataValue(Actor.TENANT_KEY) String tenant) {
        String s = tenants.schemaForEvent(tenant, event.organisationId());
        touch(s, "verified_at", at, event.invitationId().value());
        contactChanged(s, event.organisationId(), event.campaignId(), event.invitationId().value());
    }

    /** Keeps the first moment of a step: may wait, as no other handler sets that column. */
    private void touch(String schema, String column, Instant at, UUID invitation) {
        writes.update(Stage.CHANGES, "UPDATE " + schema + ".contact SET " + column + " = coalesce(" + column + ", ?) "
                + "WHERE invitation_id = ?", ts(at), invitation);
    }

    private void contactChanged(String schema, OrganisationId organisation, CampaignId campaign, UUID invitation) {
        if (live.anyoneWatching()) {
            writes.afterWrites(List.of(ContactInvited.class, invitation), () -> {
                Integer round = jdbc.query("SELECT round_number FROM " + schema + ".contact WHERE invitation_id = ?",
                        rs -> rs.next() ? rs.getInt(1) : null, invitation);
                if (round != null) {
                    live.roundChanged(organisation, campaign, round);
                }
            });
        }
    }

    private static java.sql.Timestamp ts(Instant instant) {
        return instant == null ? null : java.sql.Timestamp.from(instant);
    }
}
