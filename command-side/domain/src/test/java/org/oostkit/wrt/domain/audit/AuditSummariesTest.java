package org.oostkit.wrt.domain.audit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.common.PersonalData;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.nomination.NominationId;
import org.oostkit.wrt.api.nomination.NominationRevised;
import org.oostkit.wrt.api.nomination.NominationSubmitted;
import org.oostkit.wrt.api.nomination.Nominee;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RoundId;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditSummariesTest {

    private static final InvitationId INVITATION = InvitationId.random();

    private static NominationSubmitted submitted(Nominee... nominees) {
        return new NominationSubmitted(OrganisationId.random(), CampaignId.random(), RoundId.random(), 2,
                NominationId.forInvitation(INVITATION), INVITATION, PersonId.random(), List.of(nominees));
    }

    @Test
    @DisplayName("a nomination lists each person with the reason given for them; none given, nothing added")
    void nomineesWithReasons() {
        assertThat(AuditSummaries.of(submitted(
                new Nominee(PersonId.random(), "Erin Walsh", "erin@acme.test", " runs the night shift "),
                new Nominee(PersonId.random(), "Frank Ode", "frank@acme.test", ""))))
                .isEqualTo("Round 2: nominated 2 people: Erin Walsh <erin@acme.test> "
                        + "(reason: \u201cruns the night shift\u201d), Frank Ode <frank@acme.test>");
    }

    @Test
    @DisplayName("after erasure the reason reads as erased, like the name")
    void erasedReason() {
        String erased = PersonalData.ERASED;
        assertThat(AuditSummaries.of(submitted(new Nominee(PersonId.random(), erased, erased, erased))))
                .isEqualTo("Round 2: nominated 1 person: [erased] <[erased]> (reason: \u201c[erased]\u201d)");
    }

    @Test
    @DisplayName("an empty list says so instead of \"nominated 0 people:\"")
    void emptyList() {
        assertThat(AuditSummaries.of(submitted())).isEqualTo("Round 2: nominated nobody (an empty list)");
        assertThat(AuditSummaries.of(new NominationRevised(OrganisationId.random(), CampaignId.random(),
                RoundId.random(), 1, NominationId.forInvitation(INVITATION), INVITATION, PersonId.random(), List.of())))
                .isEqualTo("Round 1: list revised to nobody (an empty list)");
    }

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.DisplayName("shortlist choices read as sentences, with the note")
    void shortlist() {
        var tenant = org.oostkit.wrt.api.organisation.OrganisationId.random();
        var campaign = org.oostkit.wrt.api.campaign.CampaignId.random();
        PersonId ann = PersonId.random();
        assertThat(AuditSummaries.of(new org.oostkit.wrt.api.campaign.PersonShortlisted(tenant, campaign, ann,
                "Knows both unions"))).isEqualTo("Chosen for the workshop shortlist (person " + ann
                + "), note: \"Knows both unions\"");
        assertThat(AuditSummaries.of(new org.oostkit.wrt.api.campaign.PersonShortlisted(tenant, campaign, ann, "")))
                .endsWith(", no note");
        assertThat(AuditSummaries.of(new org.oostkit.wrt.api.campaign.PersonRemovedFromShortlist(tenant, campaign,
                ann))).isEqualTo("Taken off the workshop shortlist (person " + ann + ")");
        assertThat(AuditSummaries.of(new org.oostkit.wrt.api.campaign.ShortlistClosed(tenant, campaign, 3)))
                .isEqualTo("Workshop shortlist closed as final with 3 people");
    }

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.DisplayName("campaign tools read as sentences: sender, set aside, brought back, remind now, sent again")
    void campaignTools() {
        var tenant = OrganisationId.random();
        var campaign = CampaignId.random();
        PersonId ann = PersonId.random();
        assertThat(AuditSummaries.of(new org.oostkit.wrt.api.campaign.CampaignSenderChanged(tenant, campaign,
                new org.oostkit.wrt.api.campaign.CampaignSender("Harbour Council", "", "", ""))))
                .isEqualTo("Who the mail comes from changed (sender name, reply-to, contact person)");
        assertThat(AuditSummaries.of(new org.oostkit.wrt.api.campaign.PersonSetAside(tenant, campaign, ann,
                "On leave"))).isEqualTo("Left out of the next round (person " + ann + "), note: \"On leave\"");
        assertThat(AuditSummaries.of(new org.oostkit.wrt.api.campaign.PersonBroughtBack(tenant, campaign, ann)))
                .isEqualTo("Brought back for the next round (person " + ann + ")");
        assertThat(AuditSummaries.of(new org.oostkit.wrt.api.round.RemindNowRequested(tenant, campaign,
                RoundId.random(), 2))).isEqualTo("Round 2: everyone who has not answered reminded now");
        assertThat(AuditSummaries.of(new org.oostkit.wrt.api.invitation.InvitationRepeatRequested(tenant, campaign,
                RoundId.random(), INVITATION))).startsWith("Invitation mail sent again to this person");
    }

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.DisplayName("selection mails read as sentences: asked for whom, with which message, and how they ended")
    void selectionMail() {
        var tenant = org.oostkit.wrt.api.organisation.OrganisationId.random();
        var campaign = org.oostkit.wrt.api.campaign.CampaignId.random();
        PersonId ann = PersonId.random();
        assertThat(AuditSummaries.of(new org.oostkit.wrt.api.campaign.SelectionMailRequested(tenant, campaign, ann,
                "Ann", "ann@x.test", "See you"))).startsWith("Selection mail asked for: ").contains("ann@x.test")
                .endsWith(", message: \"See you\"");
        assertThat(AuditSummaries.of(new org.oostkit.wrt.api.campaign.PersonToldOfSelection(tenant, campaign, ann,
                "<m@wrt>"))).isEqualTo("Selection mail sent (person " + ann + ")");
        assertThat(AuditSummaries.of(new org.oostkit.wrt.api.campaign.SelectionMailNotSent(tenant, campaign, ann,
                "bounced before", false))).isEqualTo("Selection mail not sent (person " + ann + "): bounced before");
    }

    private static void keyed(Object event, String key, Object... values) {
        AuditSummaries.Summary summary = AuditSummaries.summary(event);
        assertThat(summary.key()).as(event.getClass().getSimpleName()).isEqualTo(key);
        assertThat(summary.values()).as(key).containsExactly(values);
        assertThat(summary.english()).as(key).isEqualTo(AuditSummaries.of(event));
    }

    @Test
    @DisplayName("every sample event has a key, audit.<its type>[.<variant>], and strings, numbers or nominee lists as values")
    void everySampleKeyed() {
        List<AuditSummarySamples.Sample> samples = AuditSummarySamples.all();
        assertThat(samples.stream().map(AuditSummarySamples.Sample::eventType).distinct()).hasSize(41);
        assertThat(samples).allSatisfy(sample -> {
            assertThat(sample.key()).as(sample.english()).matches("audit\\." + sample.eventType() + "(\\.[a-zA-Z]+)*");
            assertThat(sample.values()).as(sample.key()).allMatch(value -> value instanceof String
                    || value instanceof Integer || value instanceof List<?>);
        });
        assertThat(samples.stream().map(AuditSummarySamples.Sample::key).distinct()).as("every variant").hasSize(78);
    }

    @Test
    @DisplayName("an event the summaries do not know yet has no key: its generic English sentence stands")
    void unknownEventUnkeyed() {
        record SomethingHappened(OrganisationId organisationId, int count) {
        }
        AuditSummaries.Summary summary = AuditSummaries.summary(new SomethingHappened(OrganisationId.random(), 3));
        assertThat(summary.key()).isNull();
        assertThat(summary.values()).isEmpty();
        assertThat(summary.english()).isEqualTo("SomethingHappened (count 3)");
    }

    @Test
    @DisplayName("the campaign's events: key and values, with the settings, time zone, notes and messages as variants")
    void campaignKeys() {
        OrganisationId tenant = OrganisationId.random();
        CampaignId campaign = CampaignId.random();
        PersonId ann = PersonId.random();
        String id = ann.toString();
        var reminder = new org.oostkit.wrt.api.campaign.CampaignSettings("Board 2030", "", 3, 14, true, 2, "");
        var none = new org.oostkit.wrt.api.campaign.CampaignSettings("Board 2030", "", 2, 1, false, 0, "");
        keyed(new org.oostkit.wrt.api.campaign.CampaignCreated(tenant, campaign, reminder), "audit.CampaignCreated",
                "Board 2030", 3, 14, 2);
        keyed(new org.oostkit.wrt.api.campaign.CampaignCreated(tenant, campaign, none),
                "audit.CampaignCreated.noReminder", "Board 2030", 2, 1);
        keyed(new org.oostkit.wrt.api.campaign.CampaignDetailsChanged(tenant, campaign, reminder),
                "audit.CampaignDetailsChanged", "Board 2030", 3, 14, 2);
        keyed(new org.oostkit.wrt.api.campaign.CampaignDetailsChanged(tenant, campaign, none),
                "audit.CampaignDetailsChanged.noReminder", "Board 2030", 2, 1);
        keyed(new org.oostkit.wrt.api.campaign.CampaignTimeZoneChanged(tenant, campaign, null),
                "audit.CampaignTimeZoneChanged.organisation");
        keyed(new org.oostkit.wrt.api.campaign.CampaignTimeZoneChanged(tenant, campaign, "Europe/Amsterdam"),
                "audit.CampaignTimeZoneChanged", "Europe/Amsterdam");
        keyed(new org.oostkit.wrt.api.campaign.CampaignCompleted(tenant, campaign), "audit.CampaignCompleted");
        keyed(new org.oostkit.wrt.api.campaign.SeedPersonAdded(tenant, campaign, ann, "Ann", "ann@x.test"),
                "audit.SeedPersonAdded", "Ann <ann@x.test>");
        keyed(new org.oostkit.wrt.api.campaign.SeedPersonAdded(tenant, campaign, ann, PersonalData.ERASED,
                PersonalData.ERASED), "audit.SeedPersonAdded", "[erased] <[erased]>");
        keyed(new org.oostkit.wrt.api.campaign.SeedPersonRemoved(tenant, campaign, ann), "audit.SeedPersonRemoved", id);
        keyed(new org.oostkit.wrt.api.campaign.PersonNominatedIntoCampaign(tenant, campaign, ann, 2, "Ann", "ann@x.test"),
                "audit.PersonNominatedIntoCampaign", 2, "Ann <ann@x.test>");
        keyed(new org.oostkit.wrt.api.campaign.PersonDroppedFromRoster(tenant, campaign, ann),
                "audit.PersonDroppedFromRoster", id);
        keyed(new org.oostkit.wrt.api.campaign.CampaignLanguageChanged(tenant, campaign, "nl"),
                "audit.CampaignLanguageChanged", "nl");
        keyed(new org.oostkit.wrt.api.campaign.CampaignSenderChanged(tenant, campaign,
                new org.oostkit.wrt.api.campaign.CampaignSender("Harbour Council", "", "", "")),
                "audit.CampaignSenderChanged");
        keyed(new org.oostkit.wrt.api.campaign.PersonSetAside(tenant, campaign, ann, "On leave"),
                "audit.PersonSetAside.note", id, "On leave");
        keyed(new org.oostkit.wrt.api.campaign.PersonSetAside(tenant, campaign, ann, null), "audit.PersonSetAside", id);
        keyed(new org.oostkit.wrt.api.campaign.PersonBroughtBack(tenant, campaign, ann), "audit.PersonBroughtBack", id);
        keyed(new org.oostkit.wrt.api.campaign.PersonShortlisted(tenant, campaign, ann, "Knows both unions"),
                "audit.PersonShortlisted", id, "Knows both unions");
        keyed(new org.oostkit.wrt.api.campaign.PersonShortlisted(tenant, campaign, ann, ""),
                "audit.PersonShortlisted.noNote", id);
        keyed(new org.oostkit.wrt.api.campaign.PersonRemovedFromShortlist(tenant, campaign, ann),
                "audit.PersonRemovedFromShortlist", id);
        keyed(new org.oostkit.wrt.api.campaign.SelectionMailRequested(tenant, campaign, ann, "Ann", "ann@x.test",
                "See you"), "audit.SelectionMailRequested", "Ann <ann@x.test>", "See you");
        keyed(new org.oostkit.wrt.api.campaign.SelectionMailRequested(tenant, campaign, ann, "Ann", "ann@x.test", null),
                "audit.SelectionMailRequested.noMessage", "Ann <ann@x.test>");
        keyed(new org.oostkit.wrt.api.campaign.PersonToldOfSelection(tenant, campaign, ann, "<m@wrt>"),
                "audit.PersonToldOfSelection", id);
        keyed(new org.oostkit.wrt.api.campaign.SelectionMailNotSent(tenant, campaign, ann, "bounced before", false),
                "audit.SelectionMailNotSent", id, "bounced before");
        keyed(new org.oostkit.wrt.api.campaign.SelectionMailNotSent(tenant, campaign, ann, "its sender stopped", true),
                "audit.SelectionMailNotSent.uncertain", id, "its sender stopped");
        keyed(new org.oostkit.wrt.api.campaign.ShortlistClosed(tenant, campaign, 3), "audit.ShortlistClosed", 3);
        keyed(new org.oostkit.wrt.api.campaign.NominationsRecorded(tenant, campaign, ann, 1,
                List.of(PersonId.random(), PersonId.random())), "audit.NominationsRecorded", 1, 2);
        keyed(new org.oostkit.wrt.api.campaign.PeopleContacted(tenant, campaign, RoundId.random(), 2, List.of(ann)),
                "audit.PeopleContacted", 2, 1);
    }

    @Test
    @DisplayName("rounds, invitations and mails: key and values, with the close reason and the mail's purpose as variants")
    void roundAndInvitationKeys() {
        OrganisationId tenant = OrganisationId.random();
        CampaignId campaign = CampaignId.random();
        RoundId round = RoundId.random();
        java.time.Instant at = java.time.Instant.parse("2026-11-20T09:30:00Z");
        java.time.Instant later = java.time.Instant.parse("2026-12-04T17:00:00Z");
        keyed(new org.oostkit.wrt.api.round.RoundStarted(tenant, campaign, round, 1, later, at, 4), "audit.RoundStarted",
                1, 4, "2026-12-04T17:00:00Z", "2026-11-20T09:30:00Z");
        keyed(new org.oostkit.wrt.api.round.RoundStarted(tenant, campaign, round, 2, later, null, 1),
                "audit.RoundStarted.noReminder", 2, 1, "2026-12-04T17:00:00Z");
        keyed(new org.oostkit.wrt.api.round.RoundDeadlinesScheduled(tenant, round, "a", "b"),
                "audit.RoundDeadlinesScheduled");
        keyed(new org.oostkit.wrt.api.round.RoundExtended(tenant, campaign, round, 1, at, later, null),
                "audit.RoundExtended", 1, "2026-11-20T09:30:00Z", "2026-12-04T17:00:00Z");
        keyed(new org.oostkit.wrt.api.round.ReminderDue(tenant, campaign, round, 3), "audit.ReminderDue", 3);
        keyed(new org.oostkit.wrt.api.round.RemindNowRequested(tenant, campaign, round, 2), "audit.RemindNowRequested", 2);
        keyed(new org.oostkit.wrt.api.round.RoundClosed(tenant, campaign, round, 1,
                org.oostkit.wrt.api.round.RoundCloseReason.DEADLINE_PASSED), "audit.RoundClosed.deadlinePassed", 1);
        keyed(new org.oostkit.wrt.api.round.RoundClosed(tenant, campaign, round, 1,
                org.oostkit.wrt.api.round.RoundCloseReason.CLOSED_BY_ADMIN), "audit.RoundClosed.closedByAdmin", 1);
        keyed(new org.oostkit.wrt.api.round.RoundClosed(tenant, campaign, round, 1, null), null, 1);
        keyed(new org.oostkit.wrt.api.invitation.ContactInvited(tenant, campaign, round, 1, INVITATION, PersonId.random(),
                "Ann", "ann@x.test"), "audit.ContactInvited", 1, "Ann <ann@x.test>");
        keyed(new org.oostkit.wrt.api.invitation.InvitationTokenIssued(tenant, campaign, INVITATION, "hash"),
                "audit.InvitationTokenIssued");
        keyed(new org.oostkit.wrt.api.invitation.InvitationLinkOpened(tenant, campaign, INVITATION),
                "audit.InvitationLinkOpened");
        keyed(new org.oostkit.wrt.api.invitation.InvitationRepeatRequested(tenant, campaign, round, INVITATION),
                "audit.InvitationRepeatRequested");
        keyed(new org.oostkit.wrt.api.invitation.InvitationResendRequested(tenant, campaign, round, INVITATION),
                "audit.InvitationResendRequested");
        keyed(new org.oostkit.wrt.api.invitation.VerificationCodeIssued(tenant, campaign, INVITATION, "hash", later, 5),
                "audit.VerificationCodeIssued", "2026-12-04T17:00:00Z", 5);
        keyed(new org.oostkit.wrt.api.invitation.VerificationCodeWithdrawn(tenant, campaign, INVITATION, later),
                "audit.VerificationCodeWithdrawn", "2026-12-04T17:00:00Z");
        keyed(new org.oostkit.wrt.api.invitation.VerificationFailed(tenant, campaign, INVITATION, 1),
                "audit.VerificationFailed", 1);
        keyed(new org.oostkit.wrt.api.invitation.NominatorVerified(tenant, campaign, INVITATION),
                "audit.NominatorVerified");
        var reminderNow = org.oostkit.wrt.api.invitation.MailPurpose.REMINDER_NOW;
        keyed(new org.oostkit.wrt.api.invitation.MailSent(tenant, campaign, INVITATION, reminderNow, "<m1@p>"),
                "audit.MailSent.reminderNow.message", "<m1@p>");
        keyed(new org.oostkit.wrt.api.invitation.MailSent(tenant, campaign, INVITATION, reminderNow, null),
                "audit.MailSent.reminderNow");
        keyed(new org.oostkit.wrt.api.invitation.MailSent(tenant, campaign, INVITATION, null, null), null);
        keyed(new org.oostkit.wrt.api.invitation.MailFailed(tenant, campaign, INVITATION,
                org.oostkit.wrt.api.invitation.MailPurpose.INVITATION, "no such address", true),
                "audit.MailFailed.invitation.permanent", "no such address");
        keyed(new org.oostkit.wrt.api.invitation.MailFailed(tenant, campaign, INVITATION,
                org.oostkit.wrt.api.invitation.MailPurpose.SELECTION, "mailbox full", false),
                "audit.MailFailed.selection", "mailbox full");
        keyed(new org.oostkit.wrt.api.invitation.MailOutcomeUncertain(tenant, campaign, INVITATION,
                org.oostkit.wrt.api.invitation.MailPurpose.RESEND), "audit.MailOutcomeUncertain.resend");
        keyed(new org.oostkit.wrt.api.invitation.DeliveryRecorded(tenant, campaign, INVITATION,
                org.oostkit.wrt.api.invitation.DeliveryKind.SPAM_COMPLAINT,
                org.oostkit.wrt.api.invitation.DeliveryStatus.SPAM_COMPLAINT, "postmark", "k", at),
                "audit.DeliveryRecorded", "postmark", "spam complaint", "2026-11-20T09:30:00Z", "spam complaint");
    }

    @Test
    @DisplayName("nominations: round, count, each person with the reason given, and how many more than the ten listed")
    void nominationKeys() {
        keyed(submitted(new Nominee(PersonId.random(), "Erin Walsh", "erin@acme.test", " runs the night shift "),
                        new Nominee(PersonId.random(), "Frank Ode", "frank@acme.test", "")), "audit.NominationSubmitted",
                2, 2, List.of(List.of("Erin Walsh <erin@acme.test>", "runs the night shift"),
                        List.of("Frank Ode <frank@acme.test>")));
        keyed(submitted(), "audit.NominationSubmitted.empty", 2);
        Nominee[] twelve = java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(i -> new Nominee(PersonId.random(),
                "P" + i, "p" + i + "@x.test", null)).toArray(Nominee[]::new);
        AuditSummaries.Summary more = AuditSummaries.summary(submitted(twelve));
        assertThat(more.key()).isEqualTo("audit.NominationSubmitted.more");
        assertThat(more.values()).hasSize(4).startsWith(2, 12).endsWith(2);
        assertThat((List<?>) more.values().get(2)).hasSize(10).first().isEqualTo(List.of("P1 <p1@x.test>"));
        assertThat(more.english()).endsWith("P10 <p10@x.test> and 2 more");
        String erased = PersonalData.ERASED;
        keyed(submitted(new Nominee(PersonId.random(), erased, erased, erased)), "audit.NominationSubmitted", 2, 1,
                List.of(List.of("[erased] <[erased]>", "[erased]")));
        OrganisationId tenant = OrganisationId.random();
        CampaignId campaign = CampaignId.random();
        keyed(new NominationSubmitted(tenant, campaign, RoundId.random(), 3, NominationId.forInvitation(INVITATION),
                INVITATION, PersonId.random(), List.of(), true), "audit.NominationSubmitted.noOne", 3);
        keyed(new NominationRevised(tenant, campaign, RoundId.random(), 3, NominationId.forInvitation(INVITATION),
                INVITATION, PersonId.random(), List.of(), true), "audit.NominationRevised.noOne", 3);
        keyed(new NominationRevised(tenant, campaign, RoundId.random(), 1, NominationId.forInvitation(INVITATION),
                INVITATION, PersonId.random(), List.of(), false), "audit.NominationRevised.empty", 1);
        keyed(new NominationRevised(tenant, campaign, RoundId.random(), 1, NominationId.forInvitation(INVITATION),
                INVITATION, PersonId.random(), List.of(new Nominee(PersonId.random(), "Bo", "bo@x.test", null)), false),
                "audit.NominationRevised", 1, 1, List.of(List.of("Bo <bo@x.test>")));
    }
}
