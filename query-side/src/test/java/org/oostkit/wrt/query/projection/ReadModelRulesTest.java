package org.oostkit.wrt.query.projection;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignCompleted;
import org.oostkit.wrt.api.campaign.CampaignCreated;
import org.oostkit.wrt.api.campaign.CampaignDetailsChanged;
import org.oostkit.wrt.api.campaign.CampaignErased;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.api.campaign.ErasureReason;
import org.oostkit.wrt.api.campaign.PeopleContacted;
import org.oostkit.wrt.api.campaign.PersonBroughtBack;
import org.oostkit.wrt.api.campaign.PersonDroppedFromRoster;
import org.oostkit.wrt.api.campaign.PersonErased;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.campaign.PersonNominatedIntoCampaign;
import org.oostkit.wrt.api.campaign.PersonSetAside;
import org.oostkit.wrt.api.campaign.SeedPersonAdded;
import org.oostkit.wrt.api.campaign.SeedPersonRemoved;
import org.oostkit.wrt.api.common.PersonalData;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.invitation.DeliveryKind;
import org.oostkit.wrt.api.invitation.DeliveryRecorded;
import org.oostkit.wrt.api.invitation.DeliveryStatus;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.invitation.InvitationLinkOpened;
import org.oostkit.wrt.api.invitation.InvitationResendRequested;
import org.oostkit.wrt.api.invitation.InvitationTokenIssued;
import org.oostkit.wrt.api.invitation.MailFailed;
import org.oostkit.wrt.api.invitation.MailOutcomeUncertain;
import org.oostkit.wrt.api.invitation.MailPurpose;
import org.oostkit.wrt.api.invitation.MailSent;
import org.oostkit.wrt.api.invitation.NominatorVerified;
import org.oostkit.wrt.api.invitation.VerificationCodeIssued;
import org.oostkit.wrt.api.nomination.NominationId;
import org.oostkit.wrt.api.nomination.NominationRevised;
import org.oostkit.wrt.api.nomination.NominationSubmitted;
import org.oostkit.wrt.api.nomination.Nominee;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.ReminderDue;
import org.oostkit.wrt.api.round.RoundClosed;
import org.oostkit.wrt.api.round.RoundCloseReason;
import org.oostkit.wrt.api.round.RoundExtended;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.api.round.RoundStarted;
import org.oostkit.wrt.query.api.ContactView;
import org.oostkit.wrt.query.sink.MemoryTables;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The read models' rules as a plain object: given events, the rows they leave (the same rules the live
 * processor, the rebuild and the as-of views apply; their sinks are tested on PostgreSQL elsewhere).
 */
class ReadModelRulesTest {

    private static final Set<Class<?>> APPLIED = new HashSet<>();
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final OrganisationId org = OrganisationId.random();
    private final CampaignId campaign = CampaignId.random();
    private final RoundId round1 = RoundId.random();
    private final MemoryTables tables = new MemoryTables();
    private Instant now = T0;

    /** The events in order, a minute apart; returns the moment of the last. */
    private Instant given(Object... events) {
        for (Object event : events) {
            now = now.plus(Duration.ofMinutes(1));
            assertThat(ReadModelRules.apply(event, now, tables)).as(event.getClass().getSimpleName()).isTrue();
            APPLIED.add(event.getClass());
        }
        return now;
    }

    @AfterAll
    static void everyEventTypeIsCovered() {
        assertThat(APPLIED).containsAll(ReadModelRules.EVENTS);
    }

    @Test
    @DisplayName("a campaign is created, changed and completed; its erasure takes every row of it, and only of it")
    void campaignLifecycle() {
        Instant created = given(new CampaignCreated(org, campaign, CampaignSettings.named("Experts")));
        CampaignSettings changed = new CampaignSettings("Experts 2", "why", 3, 10, false, 2, "Hello");
        Instant edited = given(new CampaignDetailsChanged(org, campaign, changed));
        CampaignRow row = tables.campaign(campaign.value());
        assertThat(row.settings).isEqualTo(changed);
        assertThat(row.createdAt).isEqualTo(created);
        assertThat(row.updatedAt).isEqualTo(edited);
        assertThat(row.status).isEqualTo("ACTIVE");
        Instant completed = given(new CampaignCompleted(org, campaign));
        assertThat(row.status).isEqualTo("COMPLETED");
        assertThat(row.completedAt).isEqualTo(completed);
        given(new CampaignCreated(org, campaign, CampaignSettings.named("again")));
        assertThat(tables.campaign(campaign.value()).settings).as("created once").isEqualTo(changed);

        CampaignId other = CampaignId.random();
        given(new CampaignCreated(org, other, CampaignSettings.named("Other")),
                new SeedPersonAdded(org, other, PersonId.random(), "Kay", "kay@x.test"));
        PersonId ann = PersonId.random();
        given(new SeedPersonAdded(org, campaign, ann, "Ann", "ann@x.test"), started(campaign, round1, 1),
                invited(campaign, InvitationId.random(), ann), nominated(InvitationId.random(), PersonId.random(),
                        false, nominee(ann, "")));
        given(new CampaignErased(org, campaign, ErasureReason.values()[0]));
        for (Row.Table<?> table : Row.Table.all()) {
            assertThat(tables.rows(table)).as(table.name())
                    .allMatch(r -> r.values()[table == RoundRow.TABLE || table == ContactRow.TABLE ? 1 : 0]
                            .equals(other.value()));
        }
        assertThat(tables.campaignIds()).containsExactly(other.value());
    }

    @Test
    @DisplayName("seeds join and leave the roster; someone still named stays for convergence, out of the roster")
    void roster() {
        PersonId ann = PersonId.random();
        PersonId ben = PersonId.random();
        PersonId cy = PersonId.random();
        Instant added = given(new SeedPersonAdded(org, campaign, ann, "Ann", "ann@x.test"),
                new SeedPersonAdded(org, campaign, ben, "Ben", "ben@x.test"));
        given(nominated(InvitationId.random(), PersonId.random(), true, nominee(ben, "")));
        given(new SeedPersonRemoved(org, campaign, ann), new SeedPersonRemoved(org, campaign, ben));
        assertThat(tables.person(campaign.value(), ann.value())).as("nobody names Ann").isNull();
        PersonRow benRow = tables.person(campaign.value(), ben.value());
        assertThat(benRow.inRoster).isFalse();
        assertThat(benRow.source).isEqualTo("NOMINATED");
        assertThat(benRow.nominatorCount).isEqualTo(1);

        Instant entered = given(new PersonNominatedIntoCampaign(org, campaign, cy, 2, "Cy", "cy@x.test"));
        PersonRow cyRow = tables.person(campaign.value(), cy.value());
        assertThat(cyRow.inRoster).isTrue();
        assertThat(cyRow.enteredRound).isEqualTo(2);
        assertThat(cyRow.addedAt).isEqualTo(entered).isAfter(added);
        given(new PeopleContacted(org, campaign, RoundId.random(), 2, List.of(cy, PersonId.random())));
        assertThat(cyRow.contactedRound).isEqualTo(2);
        given(new PersonDroppedFromRoster(org, campaign, cy));
        assertThat(tables.person(campaign.value(), cy.value())).isNull();
        given(new SeedPersonAdded(org, campaign, ben, "Ben B", "ben@x.test"));
        assertThat(benRow.source).isEqualTo("SEED");
        assertThat(benRow.inRoster).isTrue();
        assertThat(benRow.name).isEqualTo("Ben B");
    }

    @Test
    @DisplayName("a revised list replaces the earlier one: nobody counted twice, kept names keep their first moment")
    void nominations() {
        PersonId alice = PersonId.random();
        PersonId bob = PersonId.random();
        InvitationId aliceInvitation = InvitationId.random();
        InvitationId bobInvitation = InvitationId.random();
        PersonId x = PersonId.random();
        PersonId y = PersonId.random();
        PersonId z = PersonId.random();
        given(started(campaign, round1, 1), invited(campaign, aliceInvitation, alice), invited(campaign, bobInvitation, bob));
        Instant first = given(nominated(aliceInvitation, alice, false, nominee(x, "knows it"), nominee(y, "")));
        given(nominated(bobInvitation, bob, false, nominee(x, "")));
        assertThat(tables.person(campaign.value(), x.value()).nominatorCount).isEqualTo(2);
        assertThat(tables.person(campaign.value(), x.value()).inRoster).isFalse();

        Instant revised = given(nominated(aliceInvitation, alice, true, nominee(z, ""), nominee(y, "better")));
        PersonRow xRow = tables.person(campaign.value(), x.value());
        assertThat(xRow.nominatorCount).isEqualTo(1);
        assertThat(xRow.roundsNamed).containsExactly(1);
        PersonRow yRow = tables.person(campaign.value(), y.value());
        assertThat(yRow.nominatorCount).isEqualTo(1);
        assertThat(yRow.firstNominatedAt).isEqualTo(first);
        assertThat(tables.person(campaign.value(), z.value()).firstNominatedAt).isEqualTo(revised);
        List<NominationRow> list = tables.nominationsBy(campaign.value(), alice.value());
        assertThat(list).extracting(e -> e.nomineeId, e -> e.listPosition, e -> e.reason)
                .containsExactlyInAnyOrder(tuple(z.value(), 1, ""),
                        tuple(y.value(), 2, "better"));
        assertThat(list).filteredOn(e -> e.nomineeId.equals(y.value())).extracting(e -> e.nominatedAt)
                .containsExactly(first);
        ContactRow contact = tables.contact(aliceInvitation.value());
        assertThat(contact.respondedAt).isEqualTo(first);
        assertThat(contact.revisedAt).isEqualTo(revised);
        assertThat(contact.nomineeCount).isEqualTo(2);

        // the same event again changes nothing
        String before = dump();
        ReadModelRules.apply(nominated(aliceInvitation, alice, true, nominee(z, ""), nominee(y, "better")), revised,
                tables);
        assertThat(dump()).isEqualTo(before);

        // named again in round 2 by someone else: rounds named grow, the first round stays
        InvitationId cyInvitation = InvitationId.random();
        RoundId round2 = RoundId.random();
        given(new RoundStarted(org, campaign, round2, 2, now.plus(Duration.ofDays(7)), null, 1),
                new ContactInvited(org, campaign, round2, 2, cyInvitation, PersonId.random(), "Cy", "cy@x.test"),
                new NominationSubmitted(org, campaign, round2, 2, NominationId.forInvitation(cyInvitation),
                        cyInvitation, PersonId.random(), List.of(nominee(x, ""))));
        assertThat(xRow.roundsNamed).containsExactly(1, 2);
        assertThat(xRow.firstNominatedRound).isEqualTo(1);
        assertThat(xRow.nominatorCount).isEqualTo(2);
    }

    @Test
    @DisplayName("\"no one to suggest\" is an answer; an empty list is not")
    void noOneToSuggest() {
        InvitationId invitation = InvitationId.random();
        given(started(campaign, round1, 1), invited(campaign, invitation, PersonId.random()));
        given(new NominationSubmitted(org, campaign, round1, 1, NominationId.forInvitation(invitation), invitation,
                PersonId.random(), List.of(), false));
        assertThat(tables.contact(invitation.value()).respondedAt).isNull();
        Instant answered = given(new NominationSubmitted(org, campaign, round1, 1,
                NominationId.forInvitation(invitation), invitation, PersonId.random(), List.of(), true));
        assertThat(tables.contact(invitation.value()).respondedAt).isEqualTo(answered);
        assertThat(tables.contact(invitation.value()).nomineeCount).isZero();
    }

    @Test
    @DisplayName("a round opens, is extended, reminds once and closes")
    void rounds() {
        Instant deadline = T0.plus(Duration.ofDays(7));
        Instant opened = given(new RoundStarted(org, campaign, round1, 1, deadline, deadline.minus(Duration.ofDays(2)), 3));
        RoundRow row = tables.round(round1.value());
        assertThat(row.status).isEqualTo("OPEN");
        assertThat(row.startedAt).isEqualTo(opened);
        assertThat(row.invitationCount).isEqualTo(3);
        Instant later = deadline.plus(Duration.ofDays(3));
        given(new RoundExtended(org, campaign, round1, 1, deadline, later, null));
        assertThat(row.deadline).isEqualTo(later);
        assertThat(row.reminderAt).isNull();
        Instant reminded = given(new ReminderDue(org, campaign, round1, 1));
        given(new ReminderDue(org, campaign, round1, 1));
        assertThat(row.reminderSentAt).isEqualTo(reminded);
        Instant closed = given(new RoundClosed(org, campaign, round1, 1, RoundCloseReason.DEADLINE_PASSED));
        given(new RoundClosed(org, campaign, round1, 1, RoundCloseReason.CLOSED_BY_ADMIN));
        assertThat(row.status).isEqualTo("CLOSED");
        assertThat(row.closedAt).isEqualTo(closed);
        assertThat(row.closeReason).isEqualTo("CLOSED_BY_ADMIN");
    }

    @Test
    @DisplayName("a contact's timeline keeps the first moment of each step; the status follows sending and the provider")
    void contactTimeline() {
        InvitationId invitation = InvitationId.random();
        Instant invited = given(started(campaign, round1, 1), invited(campaign, invitation, PersonId.random()));
        ContactRow row = tables.contact(invitation.value());
        assertThat(row.status).isEqualTo("PENDING");
        assertThat(row.invitedAt).isEqualTo(invited);
        Instant failed = given(new MailFailed(org, campaign, invitation, MailPurpose.INVITATION, "550 no", true));
        assertThat(row.status).isEqualTo("FAILED");
        assertThat(row.failedAt).isEqualTo(failed);
        given(new MailFailed(org, campaign, invitation, MailPurpose.REMINDER, "later", false));
        assertThat(row.failureReason).as("a reminder's failure is not the invitation's").isEqualTo("550 no");
        given(new InvitationResendRequested(org, campaign, round1, invitation));
        assertThat(row.status).isEqualTo("PENDING");
        assertThat(row.failedAt).isNull();
        given(new MailOutcomeUncertain(org, campaign, invitation, MailPurpose.INVITATION));
        assertThat(row.status).isEqualTo("UNCERTAIN");
        assertThat(row.failureReason).isEqualTo(ContactView.UNCERTAIN_REASON);
        given(new MailOutcomeUncertain(org, campaign, invitation, MailPurpose.REMINDER));
        Instant sent = given(new MailSent(org, campaign, invitation, MailPurpose.INVITATION, "m1"));
        given(new MailSent(org, campaign, invitation, MailPurpose.INVITATION, "m2"));
        assertThat(row.status).isEqualTo("SENT");
        assertThat(row.sentAt).isEqualTo(sent);
        assertThat(row.failureReason).isNull();
        given(new MailFailed(org, campaign, invitation, MailPurpose.INVITATION, "late news", false));
        assertThat(row.status).as("sent stays sent").isEqualTo("SENT");

        Instant delivered = T0.plus(Duration.ofHours(5));
        given(new DeliveryRecorded(org, campaign, invitation, DeliveryKind.DELIVERED, DeliveryStatus.DELIVERED,
                "postmark", "k1", delivered));
        given(new DeliveryRecorded(org, campaign, invitation, DeliveryKind.DELIVERED, DeliveryStatus.DELIVERED,
                "postmark", "k2", delivered.plusSeconds(60)));
        for (DeliveryKind kind : DeliveryKind.values()) {
            given(new DeliveryRecorded(org, campaign, invitation, kind, DeliveryStatus.valueOf(kind.name()),
                    "postmark", kind.name(), delivered.plusSeconds(kind.ordinal())));
        }
        assertThat(row.deliveredAt).isEqualTo(delivered);
        assertThat(row.openedAt).isEqualTo(delivered.plusSeconds(DeliveryKind.OPENED.ordinal()));
        assertThat(row.clickedAt).isNotNull();
        assertThat(row.bouncedAt).isNotNull();
        assertThat(row.spamAt).isNotNull();
        assertThat(row.status).isEqualTo("SPAM_COMPLAINT");

        given(new InvitationTokenIssued(org, campaign, invitation, "aa"), new InvitationTokenIssued(org, campaign,
                invitation, "bb"), new InvitationTokenIssued(org, campaign, invitation, "bb"));
        assertThat(row.tokenHash).isEqualTo("bb");
        assertThat(row.tokenHashes).containsExactly("aa", "bb");
        Instant opened = given(new InvitationLinkOpened(org, campaign, invitation));
        Instant code = given(new VerificationCodeIssued(org, campaign, invitation, "h", T0, 3));
        Instant verified = given(new NominatorVerified(org, campaign, invitation));
        Instant reminded = given(new MailSent(org, campaign, invitation, MailPurpose.REMINDER, "m3"));
        given(new InvitationLinkOpened(org, campaign, invitation), new VerificationCodeIssued(org, campaign,
                invitation, "h2", T0, 3), new NominatorVerified(org, campaign, invitation),
                new MailSent(org, campaign, invitation, MailPurpose.REMINDER, "m4"));
        assertThat(List.of(row.linkOpenedAt, row.codeSentAt, row.verifiedAt, row.remindedAt))
                .containsExactly(opened, code, verified, reminded);

        InvitationId remindedNow = InvitationId.random();
        given(invited(campaign, remindedNow, PersonId.random()));
        Instant remindedAt = given(new MailSent(org, campaign, remindedNow, MailPurpose.REMINDER_NOW, "m5"));
        assertThat(tables.contact(remindedNow.value()).remindedAt).as("remind now is a reminder").isEqualTo(remindedAt);
        assertThat(tables.contact(remindedNow.value()).sentAt).isNull();
    }

    @Test
    @DisplayName("an erased person reads as erased everywhere, with every count kept; their words about others too")
    void personErased() {
        PersonId ann = PersonId.random();
        PersonId ben = PersonId.random();
        InvitationId annInvitation = InvitationId.random();
        InvitationId benInvitation = InvitationId.random();
        given(new SeedPersonAdded(org, campaign, ann, "Ann", "ann@x.test"), started(campaign, round1, 1),
                invited(campaign, annInvitation, ann), invited(campaign, benInvitation, ben),
                nominated(annInvitation, ann, false, nominee(ben, "Ann's words")),
                nominated(benInvitation, ben, false, nominee(ann, "about Ann")));
        given(new PersonErased(org, campaign, ann));
        PersonRow annRow = tables.person(campaign.value(), ann.value());
        assertThat(List.of(annRow.name, annRow.email)).containsOnly(PersonalData.ERASED);
        assertThat(annRow.nominatorCount).isEqualTo(1);
        ContactRow contact = tables.contact(annInvitation.value());
        assertThat(List.of(contact.name, contact.email)).containsOnly(PersonalData.ERASED);
        NominationRow aboutAnn = tables.nominationsOf(campaign.value(), ann.value()).get(0);
        assertThat(List.of(aboutAnn.nomineeName, aboutAnn.nomineeEmail, aboutAnn.reason)).containsOnly(PersonalData.ERASED);
        NominationRow byAnn = tables.nominationsBy(campaign.value(), ann.value()).get(0);
        assertThat(byAnn.reason).isEqualTo(PersonalData.ERASED);
        assertThat(byAnn.nomineeName).isNotEqualTo(PersonalData.ERASED);
        assertThat(tables.contact(benInvitation.value()).name).isNotEqualTo(PersonalData.ERASED);
    }

    @Test
    @DisplayName("a person set aside stays in the roster with the note until brought back; leaving or erasure ends it")
    void setAside() {
        PersonId ann = PersonId.random();
        PersonId ben = PersonId.random();
        given(new SeedPersonAdded(org, campaign, ann, "Ann", "ann@x.test"),
                new SeedPersonAdded(org, campaign, ben, "Ben", "ben@x.test"));
        given(new PersonSetAside(org, campaign, ann, "on leave"), new PersonSetAside(org, campaign, ben, null));
        PersonRow annRow = tables.person(campaign.value(), ann.value());
        assertThat(annRow.inRoster).isTrue();
        assertThat(annRow.setAside).isTrue();
        assertThat(annRow.setAsideNote).isEqualTo("on leave");
        assertThat(tables.person(campaign.value(), ben.value()).setAsideNote).as("no note").isEmpty();
        given(new PersonBroughtBack(org, campaign, ann));
        assertThat(annRow.setAside).isFalse();
        assertThat(annRow.setAsideNote).isEmpty();

        given(new PersonSetAside(org, campaign, ann, "about Ann"), new PersonErased(org, campaign, ann));
        assertThat(annRow.setAsideNote).as("the note may say something about Ann").isEmpty();
        given(nominated(InvitationId.random(), PersonId.random(), false, nominee(ben, "")),
                new SeedPersonRemoved(org, campaign, ben));
        PersonRow benRow = tables.person(campaign.value(), ben.value());
        assertThat(benRow.inRoster).isFalse();
        assertThat(benRow.setAside).as("out of the roster: nothing to leave out").isFalse();
        given(new PersonBroughtBack(org, campaign, PersonId.random()));
        assertThat(tables.rows(PersonRow.TABLE)).as("nobody unknown appears").hasSize(2);
    }

    @Test
    @DisplayName("events the read models do not show pass them by")
    void otherEvents() {
        assertThat(ReadModelRules.apply(new Object(), T0, tables)).isFalse();
        assertThat(tables.campaignIds()).isEmpty();
    }

    private RoundStarted started(CampaignId campaign, RoundId round, int number) {
        return new RoundStarted(org, campaign, round, number, T0.plus(Duration.ofDays(7)), null, 2);
    }

    private ContactInvited invited(CampaignId campaign, InvitationId invitation, PersonId person) {
        return new ContactInvited(org, campaign, round1, 1, invitation, person, "Name " + person.value(),
                person.value() + "@x.test");
    }

    private NominationSubmitted nominatedFirst(InvitationId invitation, PersonId nominator, Nominee... nominees) {
        return new NominationSubmitted(org, campaign, round1, 1, NominationId.forInvitation(invitation), invitation,
                nominator, List.of(nominees));
    }

    private Object nominated(InvitationId invitation, PersonId nominator, boolean revision, Nominee... nominees) {
        return revision ? new NominationRevised(org, campaign, round1, 1, NominationId.forInvitation(invitation),
                invitation, nominator, List.of(nominees)) : nominatedFirst(invitation, nominator, nominees);
    }

    private static Nominee nominee(PersonId person, String reason) {
        String name = person.value().toString().substring(0, 8);
        return new Nominee(person, "N" + name, name + "@x.test", reason);
    }

    /** Every row of every table, as text. */
    private String dump() {
        List<String> rows = new ArrayList<>();
        for (Row.Table<?> table : Row.Table.all()) {
            tables.rows(table).forEach(r -> rows.add(table.name() + Arrays.deepToString(r.values())));
        }
        return String.join("\n", rows);
    }
}
