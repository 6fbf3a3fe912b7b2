package org.oostkit.wrt.query.processing;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.oostkit.wrt.api.campaign.CampaignEvent;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.invitation.InvitationEvent;
import org.oostkit.wrt.api.invitation.InvitationTokenIssued;
import org.oostkit.wrt.api.invitation.MailFailed;
import org.oostkit.wrt.api.invitation.MailOutcomeUncertain;
import org.oostkit.wrt.api.invitation.MailPurpose;
import org.oostkit.wrt.api.invitation.VerificationCodeIssued;
import org.oostkit.wrt.api.nomination.NominationRevised;
import org.oostkit.wrt.api.nomination.NominationSubmitted;
import org.oostkit.wrt.api.round.ReminderDue;
import org.oostkit.wrt.api.round.RoundClosed;
import org.oostkit.wrt.api.round.RoundExtended;
import org.oostkit.wrt.api.round.RoundStarted;
import org.oostkit.wrt.query.projection.ReadModelRules;
import org.oostkit.wrt.query.projection.ReadTables;
import org.oostkit.wrt.query.tenant.TenantDirectory;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** The live processor's handler: a campaign's events through {@link ReadModelRules} onto its tenant's tables. */
@Component
@ProcessingGroup(ReadModels.GROUP)
class ReadModelProjection {

    private final TenantDirectory tenants;
    private final BatchTables writes;
    private final LiveViews views;
    private final ReadModelReset reset;

    ReadModelProjection(TenantDirectory tenants, BatchTables writes, LiveViews views, ReadModelReset reset) {
        this.tenants = tenants;
        this.writes = writes;
        this.views = views;
        this.reset = reset;
    }

    /** A replay starts from empty tables, for every tenant. */
    @ResetHandler
    void reset() {
        reset.truncateAll();
    }

    @EventHandler
    void on(CampaignEvent event, @Timestamp Instant at, @MetaDataValue(Actor.TENANT_KEY) String tenant) {
        if (!ReadModelRules.EVENTS.contains(event.getClass())) {
            return;
        }
        ReadTables tables = writes.tables(tenants.schemaForEvent(tenant, event.organisationId()), event.organisationId());
        ReadModelRules.apply(event, at, tables);
        writes.written(tables);
        if (ReadModelRules.CAMPAIGN_EVENTS.contains(event.getClass())) {
            views.campaignChanged(event.organisationId(), event.campaignId());
        }
        Integer round = roundChanged(event, tables);
        if (round != null) {
            views.roundChanged(event.organisationId(), event.campaignId(), round);
        }
    }

    /** The number of the round whose live view the event changed, if any. */
    private Integer roundChanged(CampaignEvent event, ReadTables tables) {
        if (event instanceof RoundStarted e) {
            return e.roundNumber();
        } else if (event instanceof RoundExtended e) {
            return e.roundNumber();
        } else if (event instanceof ReminderDue e) {
            return e.roundNumber();
        } else if (event instanceof RoundClosed e) {
            return e.roundNumber();
        } else if (event instanceof ContactInvited e) {
            return e.roundNumber();
        } else if (event instanceof NominationSubmitted e) {
            return e.roundNumber();
        } else if (event instanceof NominationRevised e) {
            return e.roundNumber();
        }
        boolean unseen = event instanceof InvitationTokenIssued || event instanceof VerificationCodeIssued
                || event instanceof MailFailed f && f.purpose() != MailPurpose.INVITATION
                || event instanceof MailOutcomeUncertain u && u.purpose() != MailPurpose.INVITATION;
        if (unseen || !(event instanceof InvitationEvent e) || !views.anyRoundWatched()) {
            return null;
        }
        var contact = tables.contact(e.invitationId().value());
        return contact == null ? null : contact.roundNumber;
    }
}
