package org.oostkit.wrt.domain.audit;

import org.oostkit.wrt.api.campaign.CampaignCompleted;
import org.oostkit.wrt.api.campaign.CampaignCreated;
import org.oostkit.wrt.api.campaign.CampaignDetailsChanged;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.CampaignLanguageChanged;
import org.oostkit.wrt.api.campaign.CampaignSender;
import org.oostkit.wrt.api.campaign.CampaignSenderChanged;
import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.api.campaign.CampaignTimeZoneChanged;
import org.oostkit.wrt.api.campaign.NominationsRecorded;
import org.oostkit.wrt.api.campaign.PeopleContacted;
import org.oostkit.wrt.api.campaign.PersonBroughtBack;
import org.oostkit.wrt.api.campaign.PersonDroppedFromRoster;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.campaign.PersonNominatedIntoCampaign;
import org.oostkit.wrt.api.campaign.PersonRemovedFromShortlist;
import org.oostkit.wrt.api.campaign.PersonSetAside;
import org.oostkit.wrt.api.campaign.PersonShortlisted;
import org.oostkit.wrt.api.campaign.PersonToldOfSelection;
import org.oostkit.wrt.api.campaign.SeedPersonAdded;
import org.oostkit.wrt.api.campaign.SeedPersonRemoved;
import org.oostkit.wrt.api.campaign.SelectionMailNotSent;
import org.oostkit.wrt.api.campaign.SelectionMailRequested;
import org.oostkit.wrt.api.campaign.ShortlistClosed;
import org.oostkit.wrt.api.common.PersonalData;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.invitation.DeliveryKind;
import org.oostkit.wrt.api.invitation.DeliveryRecorded;
import org.oostkit.wrt.api.invitation.DeliveryStatus;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.invitation.InvitationLinkOpened;
import org.oostkit.wrt.api.invitation.InvitationRepeatRequested;
import org.oostkit.wrt.api.invitation.InvitationResendRequested;
import org.oostkit.wrt.api.invitation.InvitationTokenIssued;
import org.oostkit.wrt.api.invitation.MailFailed;
import org.oostkit.wrt.api.invitation.MailOutcomeUncertain;
import org.oostkit.wrt.api.invitation.MailPurpose;
import org.oostkit.wrt.api.invitation.MailSent;
import org.oostkit.wrt.api.invitation.NominatorVerified;
import org.oostkit.wrt.api.invitation.VerificationCodeIssued;
import org.oostkit.wrt.api.invitation.VerificationCodeWithdrawn;
import org.oostkit.wrt.api.invitation.VerificationFailed;
import org.oostkit.wrt.api.nomination.NominationId;
import org.oostkit.wrt.api.nomination.NominationRevised;
import org.oostkit.wrt.api.nomination.NominationSubmitted;
import org.oostkit.wrt.api.nomination.Nominee;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RemindNowRequested;
import org.oostkit.wrt.api.round.ReminderDue;
import org.oostkit.wrt.api.round.RoundCloseReason;
import org.oostkit.wrt.api.round.RoundClosed;
import org.oostkit.wrt.api.round.RoundDeadlinesScheduled;
import org.oostkit.wrt.api.round.RoundExtended;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.api.round.RoundStarted;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One sample event of every type the audit summaries word, in every variant (with and without a note, each
 * mail purpose, each close reason, a long nominee list …), with its summary: for the domain's tests and for the
 * web's test that the admin bundles word each one.
 */
public final class AuditSummarySamples {

    /** A sample event and what the audit trail says of it. */
    public record Sample(Object event, String key, List<Object> values, String english) {

        public String eventType() {
            return event.getClass().getSimpleName();
        }
    }

    private static final OrganisationId ORG = OrganisationId.random();
    private static final CampaignId CAMPAIGN = CampaignId.random();
    private static final RoundId ROUND = RoundId.random();
    private static final InvitationId INVITATION = InvitationId.random();
    private static final PersonId ANN = PersonId.random();
    private static final Instant AT = Instant.parse("2026-11-20T09:30:00Z");
    private static final Instant LATER = Instant.parse("2026-12-04T17:00:00Z");

    private AuditSummarySamples() {
    }

    /** Every sample with its summary. */
    public static List<Sample> all() {
        return events().stream().map(event -> {
            AuditSummaries.Summary summary = AuditSummaries.summary(event);
            return new Sample(event, summary.key(), summary.values(), summary.english());
        }).toList();
    }

    /** The sample events. */
    public static List<Object> events() {
        List<Object> events = new ArrayList<>();
        CampaignSettings reminder = new CampaignSettings("Board 2030", "", 3, 14, true, 2, "");
        CampaignSettings noReminder = new CampaignSettings("Board 2030", "", 2, 1, false, 0, "");
        events.add(new CampaignCreated(ORG, CAMPAIGN, reminder));
        events.add(new CampaignCreated(ORG, CAMPAIGN, noReminder));
        events.add(new CampaignDetailsChanged(ORG, CAMPAIGN, reminder));
        events.add(new CampaignDetailsChanged(ORG, CAMPAIGN, noReminder));
        events.add(new CampaignTimeZoneChanged(ORG, CAMPAIGN, null));
        events.add(new CampaignTimeZoneChanged(ORG, CAMPAIGN, "Europe/Amsterdam"));
        events.add(new CampaignCompleted(ORG, CAMPAIGN));
        events.add(new SeedPersonAdded(ORG, CAMPAIGN, ANN, "Ann O'Neil", "ann@x.test"));
        events.add(new SeedPersonAdded(ORG, CAMPAIGN, ANN, PersonalData.ERASED, PersonalData.ERASED));
        events.add(new SeedPersonRemoved(ORG, CAMPAIGN, ANN));
        events.add(new PersonNominatedIntoCampaign(ORG, CAMPAIGN, ANN, 2, "Ann", "ann@x.test"));
        events.add(new PersonDroppedFromRoster(ORG, CAMPAIGN, ANN));
        events.add(new CampaignLanguageChanged(ORG, CAMPAIGN, "nl"));
        events.add(new CampaignSenderChanged(ORG, CAMPAIGN, new CampaignSender("Harbour Council", "", "", "")));
        events.add(new PersonSetAside(ORG, CAMPAIGN, ANN, "On leave {0} 'til May"));
        events.add(new PersonSetAside(ORG, CAMPAIGN, ANN, ""));
        events.add(new PersonBroughtBack(ORG, CAMPAIGN, ANN));
        events.add(new RemindNowRequested(ORG, CAMPAIGN, ROUND, 2));
        events.add(new InvitationRepeatRequested(ORG, CAMPAIGN, ROUND, INVITATION));
        events.add(new PersonShortlisted(ORG, CAMPAIGN, ANN, "Knows both unions"));
        events.add(new PersonShortlisted(ORG, CAMPAIGN, ANN, ""));
        events.add(new PersonRemovedFromShortlist(ORG, CAMPAIGN, ANN));
        events.add(new SelectionMailRequested(ORG, CAMPAIGN, ANN, "Ann", "ann@x.test", "See you"));
        events.add(new SelectionMailRequested(ORG, CAMPAIGN, ANN, "Ann", "ann@x.test", ""));
        events.add(new PersonToldOfSelection(ORG, CAMPAIGN, ANN, "<m@wrt>"));
        events.add(new SelectionMailNotSent(ORG, CAMPAIGN, ANN, "bounced before", false));
        events.add(new SelectionMailNotSent(ORG, CAMPAIGN, ANN, "its sender stopped", true));
        events.add(new ShortlistClosed(ORG, CAMPAIGN, 0));
        events.add(new ShortlistClosed(ORG, CAMPAIGN, 1));
        events.add(new ShortlistClosed(ORG, CAMPAIGN, 3));
        events.add(new NominationsRecorded(ORG, CAMPAIGN, ANN, 1, List.of(PersonId.random())));
        events.add(new NominationsRecorded(ORG, CAMPAIGN, ANN, 1, List.of(PersonId.random(), PersonId.random())));
        events.add(new PeopleContacted(ORG, CAMPAIGN, ROUND, 1, List.of(ANN)));
        events.add(new PeopleContacted(ORG, CAMPAIGN, ROUND, 2, List.of(ANN, PersonId.random())));
        events.add(new RoundStarted(ORG, CAMPAIGN, ROUND, 1, LATER, AT, 4));
        events.add(new RoundStarted(ORG, CAMPAIGN, ROUND, 2, LATER, null, 1));
        events.add(new RoundDeadlinesScheduled(ORG, ROUND, "close-1", "remind-1"));
        events.add(new RoundExtended(ORG, CAMPAIGN, ROUND, 1, AT, LATER, null));
        events.add(new ReminderDue(ORG, CAMPAIGN, ROUND, 1));
        for (RoundCloseReason reason : RoundCloseReason.values()) {
            events.add(new RoundClosed(ORG, CAMPAIGN, ROUND, 1, reason));
        }
        events.add(new ContactInvited(ORG, CAMPAIGN, ROUND, 1, INVITATION, ANN, "Ann", "ann@x.test"));
        events.add(new InvitationTokenIssued(ORG, CAMPAIGN, INVITATION, "hash"));
        events.add(new InvitationLinkOpened(ORG, CAMPAIGN, INVITATION));
        events.add(new VerificationCodeIssued(ORG, CAMPAIGN, INVITATION, "hash", LATER, 5));
        events.add(new VerificationCodeWithdrawn(ORG, CAMPAIGN, INVITATION, LATER));
        events.add(new VerificationFailed(ORG, CAMPAIGN, INVITATION, 1));
        events.add(new VerificationFailed(ORG, CAMPAIGN, INVITATION, 0));
        events.add(new NominatorVerified(ORG, CAMPAIGN, INVITATION));
        for (MailPurpose purpose : MailPurpose.values()) {
            events.add(new MailSent(ORG, CAMPAIGN, INVITATION, purpose, "<m1@provider>"));
            events.add(new MailSent(ORG, CAMPAIGN, INVITATION, purpose, null));
            events.add(new MailFailed(ORG, CAMPAIGN, INVITATION, purpose, "mailbox full", false));
            events.add(new MailFailed(ORG, CAMPAIGN, INVITATION, purpose, "no such address", true));
            events.add(new MailOutcomeUncertain(ORG, CAMPAIGN, INVITATION, purpose));
        }
        events.add(new InvitationResendRequested(ORG, CAMPAIGN, ROUND, INVITATION));
        events.add(new DeliveryRecorded(ORG, CAMPAIGN, INVITATION, DeliveryKind.SOFT_BOUNCED,
                DeliveryStatus.SOFT_BOUNCED, "postmark", "key-1", AT));
        List<Nominee> two = List.of(new Nominee(PersonId.random(), "Erin Walsh", "erin@acme.test", " runs the night shift "),
                new Nominee(PersonId.random(), "Frank Ode", "frank@acme.test", ""));
        List<Nominee> twelve = IntStream.rangeClosed(1, 12).mapToObj(i -> new Nominee(PersonId.random(), "P" + i,
                "p" + i + "@acme.test", i == 1 ? "chairs {1} meetings" : null)).toList();
        for (List<Nominee> nominees : List.of(List.<Nominee>of(), two, twelve.subList(0, 1), twelve)) {
            events.add(new NominationSubmitted(ORG, CAMPAIGN, ROUND, 2, NominationId.forInvitation(INVITATION),
                    INVITATION, ANN, nominees));
            events.add(new NominationRevised(ORG, CAMPAIGN, ROUND, 2, NominationId.forInvitation(INVITATION),
                    INVITATION, ANN, nominees, false));
        }
        events.add(new NominationSubmitted(ORG, CAMPAIGN, ROUND, 3, NominationId.forInvitation(INVITATION), INVITATION,
                ANN, List.of(), true));
        events.add(new NominationRevised(ORG, CAMPAIGN, ROUND, 3, NominationId.forInvitation(INVITATION), INVITATION,
                ANN, List.of(), true));
        return events;
    }
}
