package org.oostkit.wrt.domain.nomination;

import org.oostkit.wrt.api.common.Rule;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.common.NotFound;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.nomination.NominationCommands.SubmitNominations;
import org.oostkit.wrt.api.nomination.NominationCommands;
import org.oostkit.wrt.api.nomination.NominationId;
import org.oostkit.wrt.api.nomination.NominationRevised;
import org.oostkit.wrt.api.nomination.NominationSubmitted;
import org.oostkit.wrt.api.nomination.Nominee;
import org.oostkit.wrt.api.nomination.NomineeInput;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.domain.invitation.InvitationDirectory.Entry;
import org.oostkit.wrt.domain.security.PersonIdentities;
import org.oostkit.wrt.domain.testing.FixtureSupport.InMemoryInvitationDirectory;
import org.oostkit.wrt.domain.testing.FixtureSupport.InMemoryRoundDirectory;
import org.oostkit.wrt.domain.testing.FixtureSupport;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oostkit.wrt.domain.testing.FixtureSupport.violation;

@DisplayName("Nomination")
class NominationTest {

    private static final OrganisationId ORG = OrganisationId.random();
    private static final OrganisationId OTHER_ORG = OrganisationId.random();
    private static final CampaignId CAMPAIGN = CampaignId.random();
    private static final RoundId ROUND = RoundId.random();
    private static final InvitationId INVITATION = InvitationId.random();
    private static final NominationId NOMINATION = NominationId.forInvitation(INVITATION);
    private static final PersonIdentities IDENTITIES = FixtureSupport.identities();
    private static final PersonId NOMINATOR = person("nina@example.org");

    private AggregateTestFixture<Nomination> fixture;
    private InMemoryInvitationDirectory invitations;
    private InMemoryRoundDirectory rounds;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Nomination.class);
        invitations = new InMemoryInvitationDirectory().with(invitation(true));
        rounds = new InMemoryRoundDirectory().open(ROUND, 1);
        fixture.registerInjectableResource(invitations);
        fixture.registerInjectableResource(rounds);
        fixture.registerInjectableResource(IDENTITIES);
    }

    private static PersonId person(String email) {
        return IDENTITIES.personId(CAMPAIGN, email);
    }

    private static Entry invitation(boolean verified) {
        return new Entry(INVITATION, ORG, CAMPAIGN, ROUND, NOMINATOR, verified);
    }

    private static SubmitNominations submit(NomineeInput... nominees) {
        return SubmitNominations.of(ORG, INVITATION, List.of(nominees));
    }

    private static NomineeInput input(String name, String email, String reason) {
        return new NomineeInput(name, email, reason);
    }

    private static Nominee nominee(String name, String email, String reason) {
        return new Nominee(person(email), name, email, reason);
    }

    private static NominationSubmitted submitted(int round, Nominee... nominees) {
        return new NominationSubmitted(ORG, CAMPAIGN, ROUND, round, NOMINATION, INVITATION, NOMINATOR,
                List.of(nominees));
    }

    private static NominationRevised revised(Nominee... nominees) {
        return new NominationRevised(ORG, CAMPAIGN, ROUND, 1, NOMINATION, INVITATION, NOMINATOR, List.of(nominees));
    }

    private static final Nominee CAROL = nominee("Carol", "carol@example.org", "great chair");
    private static final Nominee DAVE = nominee("Dave", "dave@example.org", "");

    @Nested
    @DisplayName("the first submission")
    class FirstSubmission {

        @Test
        @DisplayName("records the nominees, names and emails cleaned up, for the invitation's round")
        void submits() {
            fixture.givenNoPriorActivity()
                    .when(submit(input("  Carol ", " Carol@Example.ORG ", " great chair "),
                            input("Dave", "dave@example.org", null)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(submitted(1, CAROL, DAVE));
            assertThat(rounds.locks()).as("the round is checked with a lock held, not just read").isEqualTo(1);
        }

        @Test
        @DisplayName("takes the round number from the round")
        void roundNumber() {
            rounds.open(ROUND, 3);

            fixture.givenNoPriorActivity()
                    .when(submit(input("Dave", "dave@example.org", "")))
                    .expectEvents(submitted(3, DAVE));
        }

        @Test
        @DisplayName("an empty list is refused: an accidental empty save is no answer")
        void empty() {
            fixture.givenNoPriorActivity()
                    .when(submit())
                    .expectNoEvents()
                    .expectException(violation(Rule.NOMINEES_EMPTY));
        }

        @Test
        @DisplayName("a list of blank rows only, or no list at all, is refused as well")
        void nullList() {
            fixture.givenNoPriorActivity()
                    .when(SubmitNominations.of(ORG, INVITATION, null))
                    .expectNoEvents()
                    .expectException(violation(Rule.NOMINEES_EMPTY));
            fixture.givenNoPriorActivity()
                    .when(submit(input(" ", "", " ")))
                    .expectNoEvents()
                    .expectException(violation(Rule.NOMINEES_EMPTY));
        }

        @Test
        @DisplayName("the explicit \"no one to suggest\" is an answer, with an empty list")
        void noOneToSuggest() {
            fixture.givenNoPriorActivity()
                    .when(SubmitNominations.noOneToSuggest(ORG, INVITATION))
                    .expectEvents(new NominationSubmitted(ORG, CAMPAIGN, ROUND, 1, NOMINATION, INVITATION, NOMINATOR,
                            List.of(), true));
        }

        @Test
        @DisplayName("\"no one to suggest\" together with people is refused")
        void noOneWithPeople() {
            fixture.givenNoPriorActivity()
                    .when(new SubmitNominations(NOMINATION, ORG, INVITATION,
                            List.of(input("Dave", "dave@example.org", "")), true))
                    .expectNoEvents()
                    .expectException(violation(Rule.NO_ONE_WITH_PEOPLE));
        }
    }

    @Nested
    @DisplayName("changing the answer")
    class ChangingTheAnswer {

        @Test
        @DisplayName("people named earlier can be replaced by \"no one to suggest\"")
        void peopleThenNoOne() {
            fixture.given(submitted(1, DAVE))
                    .when(SubmitNominations.noOneToSuggest(ORG, INVITATION))
                    .expectEvents(new NominationRevised(ORG, CAMPAIGN, ROUND, 1, NOMINATION, INVITATION, NOMINATOR,
                            List.of(), true));
        }

        @Test
        @DisplayName("\"no one to suggest\" can be replaced by people")
        void noOneThenPeople() {
            fixture.given(new NominationSubmitted(ORG, CAMPAIGN, ROUND, 1, NOMINATION, INVITATION, NOMINATOR,
                            List.of(), true))
                    .when(submit(input("Dave", "dave@example.org", "")))
                    .expectEvents(revised(DAVE));
        }

        @Test
        @DisplayName("\"no one to suggest\" twice is one answer")
        void noOneTwice() {
            fixture.given(new NominationSubmitted(ORG, CAMPAIGN, ROUND, 1, NOMINATION, INVITATION, NOMINATOR,
                            List.of(), true))
                    .when(SubmitNominations.noOneToSuggest(ORG, INVITATION))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a list cannot be emptied by an empty save; the earlier list stays")
        void emptyRevision() {
            fixture.given(submitted(1, DAVE))
                    .when(submit())
                    .expectNoEvents()
                    .expectException(violation(Rule.NOMINEES_EMPTY));
        }

        @Test
        @DisplayName("an old empty list (revision 1, no real answer) can become \"no one to suggest\"")
        void oldEmptyThenNoOne() {
            fixture.given(submitted(1))
                    .when(SubmitNominations.noOneToSuggest(ORG, INVITATION))
                    .expectEvents(new NominationRevised(ORG, CAMPAIGN, ROUND, 1, NOMINATION, INVITATION, NOMINATOR,
                            List.of(), true));
        }
    }

    @Nested
    @DisplayName("who may submit")
    class WhoMaySubmit {

        @Test
        @DisplayName("an unknown invitation is not found")
        void unknownInvitation() {
            InvitationId unknown = InvitationId.random();

            fixture.givenNoPriorActivity()
                    .when(SubmitNominations.of(ORG, unknown, List.of(input("Dave", "dave@example.org", ""))))
                    .expectException(NotFound.class)
                    .expectException(violation(Rule.NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("another organisation's invitation is not found")
        void otherTenant() {
            fixture.givenNoPriorActivity()
                    .when(SubmitNominations.of(OTHER_ORG, INVITATION, List.of(input("Dave", "dave@example.org", ""))))
                    .expectException(violation(Rule.NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("the nomination id must belong to the invitation")
        void foreignNominationId() {
            NominationId other = NominationId.forInvitation(InvitationId.random());

            fixture.givenNoPriorActivity()
                    .when(new SubmitNominations(other, ORG, INVITATION, List.of(input("Dave", "dave@example.org", ""))))
                    .expectException(violation(Rule.NOMINATION_ID_INVALID))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a nominator who has not confirmed their address with the code is refused")
        void notVerified() {
            invitations.with(invitation(false));

            fixture.givenNoPriorActivity()
                    .when(submit(input("Dave", "dave@example.org", "")))
                    .expectException(violation(Rule.NOT_VERIFIED))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("nothing is accepted once the round is closed")
        void roundClosed() {
            rounds.closed(ROUND, 1);

            fixture.givenNoPriorActivity()
                    .when(submit(input("Dave", "dave@example.org", "")))
                    .expectException(violation(Rule.ROUND_CLOSED, "rule.round-closed.nominations"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a revision is refused once the round is closed")
        void revisionAfterClose() {
            rounds.closed(ROUND, 1);

            fixture.given(submitted(1, DAVE))
                    .when(submit(input("Carol", "carol@example.org", "great chair")))
                    .expectException(violation(Rule.ROUND_CLOSED))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("the list")
    class TheList {

        @ParameterizedTest(name = "naming \"{0}\" is refused")
        @ValueSource(strings = {"nina@example.org", " NINA@Example.org "})
        void selfNomination(String email) {
            fixture.givenNoPriorActivity()
                    .when(submit(input("Dave", "dave@example.org", ""), input("Me", email, "")))
                    .expectException(violation(Rule.SELF_NOMINATION))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("names at most 50 people")
        void tooMany() {
            NomineeInput[] fiftyOne = IntStream.rangeClosed(1, NominationCommands.MAX_NOMINEES + 1)
                    .mapToObj(i -> input("P" + i, "p" + i + "@example.org", "")).toArray(NomineeInput[]::new);

            fixture.givenNoPriorActivity()
                    .when(submit(fiftyOne))
                    .expectException(violation(Rule.TOO_MANY_NOMINEES, "rule.too-many-nominees",
                            NominationCommands.MAX_NOMINEES))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("50 people, one of them twice, are fine")
        void fiftyWithDuplicate() {
            List<NomineeInput> rows = new ArrayList<>(IntStream.rangeClosed(1, NominationCommands.MAX_NOMINEES)
                    .mapToObj(i -> input("P" + i, "p" + i + "@example.org", "")).toList());
            rows.add(input("P1", "P1@example.org", ""));
            Nominee[] fifty = IntStream.rangeClosed(1, NominationCommands.MAX_NOMINEES)
                    .mapToObj(i -> nominee("P" + i, "p" + i + "@example.org", "")).toArray(Nominee[]::new);

            fixture.givenNoPriorActivity()
                    .when(SubmitNominations.of(ORG, INVITATION, rows))
                    .expectEvents(submitted(1, fifty));
        }

        @ParameterizedTest(name = "email \"{0}\" is refused")
        @ValueSource(strings = {"dave", "dave@", "dave@example", "da ve@example.org", "dave@@example.org"})
        void invalidEmail(String email) {
            fixture.givenNoPriorActivity()
                    .when(submit(input("Dave", email, "")))
                    .expectException(violation(Rule.NOMINEE_INVALID))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a named person needs an email")
        void missingEmail() {
            fixture.givenNoPriorActivity()
                    .when(submit(input("Dave", null, "")))
                    .expectException(violation(Rule.NOMINEE_INVALID));
        }

        @Test
        @DisplayName("an email needs a name")
        void missingName() {
            fixture.givenNoPriorActivity()
                    .when(submit(input("  ", "dave@example.org", "")))
                    .expectException(violation(Rule.NOMINEE_INVALID));
        }

        @Test
        @DisplayName("a reason alone is not an empty row")
        void reasonOnly() {
            fixture.givenNoPriorActivity()
                    .when(submit(input(null, null, "because")))
                    .expectException(violation(Rule.NOMINEE_INVALID));
        }

        @ParameterizedTest(name = "name \"{0}\" is refused")
        @ValueSource(strings = {"Mal\u0000lory", "Mal\r\nlory", "Mal\nlory", "Mal\u202Elory", "Mal\u2066lory",
                "Mal\u009blory", "Mal\uD800lory", "Mal\tlory"})
        void nameWithControlOrBidiCharacters(String name) {
            fixture.givenNoPriorActivity()
                    .when(submit(input("Dave", "dave@example.org", ""), input(name, "mallory@example.org", "")))
                    .expectException(violation(Rule.NOMINEE_INVALID))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a NUL in a name is refused with a message that says which person and what")
        void nulMessage() {
            fixture.givenNoPriorActivity()
                    .when(submit(input("Mal\u0000lory", "mallory@example.org", "")))
                    .expectException(violation(Rule.NOMINEE_INVALID))
                    .expectExceptionMessage("Person 1: the name contains an invisible control character (U+0000), "
                            + "which is not allowed.")
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a refused name or reason carries the verdict's key and values, for a page to word it")
        void textRefusalsCarryTheirVerdict() {
            fixture.givenNoPriorActivity()
                    .when(submit(input("Mal\tlory", "mallory@example.org", "")))
                    .expectException(keyed("text.tab", List.of("the name", "U+0009")));
            fixture.givenNoPriorActivity()
                    .when(submit(input("Dave", "dave@example.org", "r".repeat(501))))
                    .expectException(keyed("text.tooLong", List.of("the reason", 500, 501)));
        }

        private static org.hamcrest.Matcher<Object> keyed(String key, List<Object> values) {
            return org.hamcrest.Matchers.allOf(violation(Rule.NOMINEE_INVALID),
                    new org.hamcrest.CustomTypeSafeMatcher<>("worded by " + key + " with " + values) {
                        @Override
                        protected boolean matchesSafely(Object item) {
                            return item instanceof org.oostkit.wrt.api.common.RuleViolation refused
                                    && key.equals(refused.key()) && values.equals(refused.arguments());
                        }
                    });
        }

        @ParameterizedTest(name = "reason \"{0}\" is refused")
        @ValueSource(strings = {"because\u0000", "be\u202Ecause", "be\rcause", "be\u0007cause"})
        void reasonWithControlOrBidiCharacters(String reason) {
            fixture.givenNoPriorActivity()
                    .when(submit(input("Dave", "dave@example.org", reason)))
                    .expectException(violation(Rule.NOMINEE_INVALID))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a reason keeps its line breaks and tabs (CR LF becomes LF), and every text is stored in NFC")
        void multiLineReasonAndNfc() {
            fixture.givenNoPriorActivity()
                    .when(submit(input("Ame\u0301lie", "amelie@example.org", "one\r\n\ttwo ")))
                    .expectEvents(submitted(1, nominee("Am\u00e9lie", "amelie@example.org", "one\n\ttwo")));
        }

        @ParameterizedTest(name = "email \"{0}\" is refused")
        @ValueSource(strings = {"mal\u0000lory@example.org", "mal\r\nlory@example.org", "mal\u202Elory@example.org",
                "mallory@exam\u0000ple.org"})
        void emailWithControlCharacters(String email) {
            fixture.givenNoPriorActivity()
                    .when(submit(input("Mallory", email, "")))
                    .expectException(violation(Rule.NOMINEE_INVALID))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a name longer than 200 characters is refused")
        void nameTooLong() {
            fixture.givenNoPriorActivity()
                    .when(submit(input("n".repeat(201), "dave@example.org", "")))
                    .expectException(violation(Rule.NOMINEE_INVALID));
        }

        @Test
        @DisplayName("a reason longer than 500 characters is refused")
        void reasonTooLong() {
            fixture.givenNoPriorActivity()
                    .when(submit(input("Dave", "dave@example.org", "r".repeat(501))))
                    .expectException(violation(Rule.NOMINEE_INVALID));
        }

        @Test
        @DisplayName("a name of 200 and a reason of 500 characters are fine")
        void longestNameAndReason() {
            fixture.givenNoPriorActivity()
                    .when(submit(input("n".repeat(200), "dave@example.org", "r".repeat(500))))
                    .expectEvents(submitted(1, nominee("n".repeat(200), "dave@example.org", "r".repeat(500))));
        }

        @Test
        @DisplayName("empty rows of the form are skipped")
        void emptyRowsSkipped() {
            fixture.givenNoPriorActivity()
                    .when(submit(input(null, null, null), input("  ", " ", ""),
                            input("Dave", "dave@example.org", ""), input("", "", "  ")))
                    .expectEvents(submitted(1, DAVE));
        }

        @Test
        @DisplayName("the same address twice counts once, keeping the first name and the first reason given")
        void duplicatesMerged() {
            fixture.givenNoPriorActivity()
                    .when(submit(input("Carol", "carol@example.org", ""), input("Dave", "dave@example.org", ""),
                            input("Carol C.", " CAROL@example.org", "great chair"),
                            input("C.", "carol@example.org", "another reason")))
                    .expectEvents(submitted(1, CAROL, DAVE));
        }

        @Test
        @DisplayName("of two reasons for the same person, the first is kept")
        void firstReasonKept() {
            fixture.givenNoPriorActivity()
                    .when(submit(input("Carol", "carol@example.org", "great chair"),
                            input("Carol", "carol@example.org", "other")))
                    .expectEvents(submitted(1, CAROL));
        }
    }

    @Nested
    @DisplayName("later submissions")
    class Revisions {

        @Test
        @DisplayName("replace the whole list")
        void revises() {
            fixture.given(submitted(1, CAROL))
                    .when(submit(input("Dave", "dave@example.org", ""), input("Carol", "carol@example.org", "great chair")))
                    .expectEvents(revised(DAVE, CAROL));
        }

        @Test
        @DisplayName("the same list again (as typed differently) changes nothing")
        void identical() {
            fixture.given(submitted(1, CAROL, DAVE))
                    .when(submit(input(" Carol", "CAROL@example.org ", "great chair "), input("Dave", "dave@example.org", null)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        @DisplayName("the same people in another order are a revision")
        void reordered() {
            fixture.given(submitted(1, CAROL, DAVE))
                    .when(submit(input("Dave", "dave@example.org", ""), input("Carol", "carol@example.org", "great chair")))
                    .expectEvents(revised(DAVE, CAROL));
        }

        @Test
        @DisplayName("a revision back to an earlier list is recorded")
        void backToEarlier() {
            fixture.given(submitted(1, CAROL), revised(CAROL, DAVE))
                    .when(submit(input("Carol", "carol@example.org", "great chair")))
                    .expectEvents(revised(CAROL));
        }

        @Test
        @DisplayName("follow the same rules as the first")
        void sameRules() {
            fixture.given(submitted(1, CAROL))
                    .when(submit(input("Nina", "nina@example.org", "")))
                    .expectException(violation(Rule.SELF_NOMINATION))
                    .expectNoEvents();
        }
    }
}
