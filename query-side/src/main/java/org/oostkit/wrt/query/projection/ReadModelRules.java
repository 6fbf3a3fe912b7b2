package org.oostkit.wrt.query.projection;

import org.oostkit.wrt.api.campaign.CampaignCompleted;
import org.oostkit.wrt.api.campaign.CampaignCreated;
import org.oostkit.wrt.api.campaign.CampaignDetailsChanged;
import org.oostkit.wrt.api.campaign.CampaignErased;
import org.oostkit.wrt.api.campaign.PeopleContacted;
import org.oostkit.wrt.api.campaign.PersonDroppedFromRoster;
import org.oostkit.wrt.api.campaign.PersonErased;
import org.oostkit.wrt.api.campaign.PersonNominatedIntoCampaign;
import org.oostkit.wrt.api.campaign.SeedPersonAdded;
import org.oostkit.wrt.api.campaign.SeedPersonRemoved;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.invitation.DeliveryRecorded;
import org.oostkit.wrt.api.invitation.InvitationLinkOpened;
import org.oostkit.wrt.api.invitation.InvitationResendRequested;
import org.oostkit.wrt.api.invitation.InvitationTokenIssued;
import org.oostkit.wrt.api.invitation.MailFailed;
import org.oostkit.wrt.api.invitation.MailOutcomeUncertain;
import org.oostkit.wrt.api.invitation.MailSent;
import org.oostkit.wrt.api.invitation.NominatorVerified;
import org.oostkit.wrt.api.invitation.VerificationCodeIssued;
import org.oostkit.wrt.api.nomination.NominationRevised;
import org.oostkit.wrt.api.nomination.NominationSubmitted;
import org.oostkit.wrt.api.round.ReminderDue;
import org.oostkit.wrt.api.round.RoundClosed;
import org.oostkit.wrt.api.round.RoundExtended;
import org.oostkit.wrt.api.round.RoundStarted;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * The projection rules of the tenant read models, written once: the live processor, the bulk rebuild and the
 * as-of views all apply events through here, each onto its own {@link ReadTables}. Every rule can run again
 * on the same event without changing the result.
 */
public final class ReadModelRules {

    /** The events that change a campaign's summary or roster (its live view is pushed after them). */
    public static final Set<Class<?>> CAMPAIGN_EVENTS = Set.of(CampaignCreated.class, CampaignDetailsChanged.class,
            CampaignCompleted.class, CampaignErased.class, PersonErased.class, SeedPersonAdded.class,
            SeedPersonRemoved.class, PersonDroppedFromRoster.class, PersonNominatedIntoCampaign.class,
            PeopleContacted.class, NominationSubmitted.class, NominationRevised.class);

    /** The events that change a round or its contacts. */
    public static final Set<Class<?>> ROUND_EVENTS = Set.of(RoundStarted.class, RoundExtended.class,
            ReminderDue.class, RoundClosed.class, ContactInvited.class, MailSent.class, MailFailed.class,
            MailOutcomeUncertain.class, InvitationResendRequested.class, DeliveryRecorded.class,
            InvitationTokenIssued.class, InvitationLinkOpened.class, VerificationCodeIssued.class,
            NominatorVerified.class);

    /** Every event type the read models handle; the others pass them by. */
    public static final Set<Class<?>> EVENTS = union(CAMPAIGN_EVENTS, ROUND_EVENTS);

    private ReadModelRules() {
    }

    /** Applies one event of the tenant the tables belong to; returns whether any read model handles it. */
    public static boolean apply(Object event, Instant at, ReadTables tables) {
        return CampaignRules.apply(event, at, tables) || RosterRules.apply(event, at, tables)
                || RoundRules.apply(event, at, tables);
    }

    private static Set<Class<?>> union(Set<Class<?>> a, Set<Class<?>> b) {
        Set<Class<?>> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
