package org.oostkit.wrt.domain.campaign;

import org.oostkit.wrt.api.common.Rule;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.oostkit.wrt.api.campaign.CampaignCommands.AddNominees;
import org.oostkit.wrt.api.campaign.CampaignCommands.AddSeedPeople;
import org.oostkit.wrt.api.campaign.CampaignCommands.AddSeedPerson;
import org.oostkit.wrt.api.campaign.CampaignCommands.ChangeCampaignDetails;
import org.oostkit.wrt.api.campaign.CampaignCommands.CompleteCampaign;
import org.oostkit.wrt.api.campaign.CampaignCommands.CreateCampaign;
import org.oostkit.wrt.api.campaign.CampaignCommands.RemoveSeedPerson;
import org.oostkit.wrt.api.campaign.CampaignCommands.StartRound;
import org.oostkit.wrt.api.campaign.CampaignCompleted;
import org.oostkit.wrt.api.campaign.CampaignCreated;
import org.oostkit.wrt.api.campaign.CampaignDetailsChanged;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.api.campaign.NominationsRecorded;
import org.oostkit.wrt.api.campaign.NomineeEntry;
import org.oostkit.wrt.api.campaign.PeopleContacted;
import org.oostkit.wrt.api.campaign.PersonDroppedFromRoster;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.campaign.PersonNominatedIntoCampaign;
import org.oostkit.wrt.api.campaign.SeedBatchResult;
import org.oostkit.wrt.api.campaign.SeedPersonAdded;
import org.oostkit.wrt.api.campaign.SeedPersonRemoved;
import org.oostkit.wrt.api.campaign.SeedRow;
import org.oostkit.wrt.api.campaign.SeedRowOutcome.Result;
import org.oostkit.wrt.api.campaign.SeedRowOutcome;
import org.oostkit.wrt.api.common.NotFound;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.organisation.OrganisationStatus;
import org.oostkit.wrt.api.round.RoundDeadlinesScheduled;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.api.round.RoundStarted;
import org.oostkit.wrt.domain.round.Round;
import org.oostkit.wrt.domain.security.PersonIdentities;
import org.oostkit.wrt.domain.testing.FixtureSupport.InMemoryOrganisationDirectory;
import org.oostkit.wrt.domain.testing.FixtureSupport.InMemoryRoundDirectory;
import org.oostkit.wrt.domain.testing.FixtureSupport;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.oostkit.wrt.domain.testing.FixtureSupport.T0;
import static org.oostkit.wrt.domain.testing.FixtureSupport.fixtureClock;
import static org.oostkit.wrt.domain.testing.FixtureSupport.ofType;
import static org.oostkit.wrt.domain.testing.FixtureSupport.payloads;
import static org.oostkit.wrt.domain.testing.FixtureSupport.violation;

@DisplayName("Campaign")
class CampaignTest {

    private static final OrganisationId ORG = OrganisationId.random();
    private static final OrganisationId OTHER_ORG = OrganisationId.random();
    private static final CampaignId CAMPAIGN = CampaignId.random();
    private static final RoundId ROUND_1 = RoundId.random();
    private static final RoundId ROUND_2 = RoundId.random();
    private static final Instant DEADLINE = T0.plus(Duration.ofDays(14));
    private static final CampaignSettings SETTINGS = CampaignSettings.named("Board 2030");
    private static final PersonIdentities IDENTITIES = FixtureSupport.identities();

    private AggregateTestFixture<Campaign> fixture;
    private InMemoryOrganisationDirectory organisations;
    private InMemoryRoundDirectory rounds;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Campaign.class);
        organisations = new InMemoryOrganisationDirectory().with(ORG, OrganisationStatus.ACTIVE);
        rounds = new InMemoryRoundDirectory();
        fixture.registerInjectableResource(organisations);
        fixture.registerInjectableResource(rounds);
        fixture.registerInjectableResource(IDENTITIES);
        fixture.registerInjectableResource(fixtureClock(fixture));
        fixture.givenCurrentTime(T0);
    }

    private static PersonId person(String email) {
        return IDENTITIES.personId(CAMPAIGN, email);
    }

    private static CampaignCreated created() {
        return new CampaignCreated(ORG, CAMPAIGN, SETTINGS);
    }

    private static SeedPersonAdded seed(String name, String email) {
        return new SeedPersonAdded(ORG, CAMPAIGN, person(email), name, email);
    }

    private static PersonNominatedIntoCampaign nominated(String name, String email, int round) {
        return new PersonNominatedIntoCampaign(ORG, CAMPAIGN, person(email), round, name, email);
    }

    private static PeopleContacted contacted(RoundId roundId, int number, String... emails) {
        return new PeopleContacted(ORG, CAMPAIGN, roundId, number, Stream.of(emails).map(CampaignTest::person).toList());
    }

    private static StartRound startRound(RoundId roundId, Instant deadline, boolean reminder, int reminderDays) {
        return new StartRound(CAMPAIGN, ORG, roundId, deadline, reminder, reminderDays);
    }

    private static CampaignSettings settings(String name, String description, int threshold, int days,
                                             int reminderDays, String text) {
        return new CampaignSettings(name, description, threshold, days, true, reminderDays, text);
    }

    @Nested
    @DisplayName("creation")
    class Creation {

        @Test
        @DisplayName("an active organisation creates a campaign with cleaned-up settings")
        void creates() {
            fixture.givenNoPriorActivity()
                    .when(new CreateCampaign(CAMPAIGN, ORG,
                            new CampaignSettings("  Board 2030 ", null, 2, 14, false, 3, "  Please help  ")))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new CampaignCreated(ORG, CAMPAIGN,
                            new CampaignSettings("Board 2030", "", 2, 14, false, 3, "Please help")));
        }

        @Test
        @DisplayName("an unknown organisation is not found")
        void unknownOrganisation() {
            fixture.givenNoPriorActivity()
                    .when(new CreateCampaign(CAMPAIGN, OTHER_ORG, SETTINGS))
                    .expectException(NotFound.class)
                    .expectException(violation(Rule.NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a suspended organisation cannot create campaigns")
        void suspendedOrganisation() {
            organisations.with(ORG, OrganisationStatus.SUSPENDED);

            fixture.givenNoPriorActivity()
                    .when(new CreateCampaign(CAMPAIGN, ORG, SETTINGS))
                    .expectException(violation(Rule.ORGANISATION_SUSPENDED))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("an inactive organisation cannot create campaigns")
        void inactiveOrganisation() {
            organisations.with(ORG, OrganisationStatus.INACTIVE);

            fixture.givenNoPriorActivity()
                    .when(new CreateCampaign(CAMPAIGN, ORG, SETTINGS))
                    .expectException(violation(Rule.ORGANISATION_INACTIVE))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("settings")
    class Settings {

        static Stream<Arguments> invalidSettings() {
            return Stream.of(
                    Arguments.of(null, Rule.SETTINGS_MISSING),
                    Arguments.of(settings(null, "", 2, 14, 3, ""), Rule.NAME_INVALID),
                    Arguments.of(settings("   ", "", 2, 14, 3, ""), Rule.NAME_INVALID),
                    Arguments.of(settings("n".repeat(201), "", 2, 14, 3, ""), Rule.NAME_INVALID),
                    Arguments.of(settings("Bo\u0000ard", "", 2, 14, 3, ""), Rule.NAME_INVALID),
                    Arguments.of(settings("Bo\r\nard", "", 2, 14, 3, ""), Rule.NAME_INVALID),
                    Arguments.of(settings("Bo\u202Eard", "", 2, 14, 3, ""), Rule.NAME_INVALID),
                    Arguments.of(settings("Board", "d".repeat(4001), 2, 14, 3, ""), Rule.DESCRIPTION_INVALID),
                    Arguments.of(settings("Board", "a\u0000b", 2, 14, 3, ""), Rule.DESCRIPTION_INVALID),
                    Arguments.of(settings("Board", "a\u2066b", 2, 14, 3, ""), Rule.DESCRIPTION_INVALID),
                    Arguments.of(settings("Board", "", 2, 14, 3, "t".repeat(4001)), Rule.INVITATION_TEXT_INVALID),
                    Arguments.of(settings("Board", "", 2, 14, 3, "a\u0085b"), Rule.INVITATION_TEXT_INVALID),
                    Arguments.of(settings("Board", "", 2, 14, 3, "a\uD800b"), Rule.INVITATION_TEXT_INVALID),
                    Arguments.of(settings("Board", "", 0, 14, 3, ""), Rule.THRESHOLD_INVALID),
                    Arguments.of(settings("Board", "", 101, 14, 3, ""), Rule.THRESHOLD_INVALID),
                    Arguments.of(settings("Board", "", 2, 0, 3, ""), Rule.ROUND_DAYS_INVALID),
                    Arguments.of(settings("Board", "", 2, 91, 3, ""), Rule.ROUND_DAYS_INVALID),
                    Arguments.of(settings("Board", "", 2, 14, 0, ""), Rule.REMINDER_INVALID),
                    Arguments.of(settings("Board", "", 2, 14, 31, ""), Rule.REMINDER_INVALID));
        }

        @ParameterizedTest(name = "[{index}] refused with {1}")
        @MethodSource("invalidSettings")
        @DisplayName("invalid settings are refused on creation")
        void invalidOnCreate(CampaignSettings settings, Rule rule) {
            fixture.givenNoPriorActivity()
                    .when(new CreateCampaign(CAMPAIGN, ORG, settings))
                    .expectException(violation(rule))
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "[{index}] refused with {1}")
        @MethodSource("invalidSettings")
        @DisplayName("invalid settings are refused on change")
        void invalidOnChange(CampaignSettings settings, Rule rule) {
            fixture.given(created())
                    .when(new ChangeCampaignDetails(CAMPAIGN, ORG, settings))
                    .expectException(violation(rule))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("the smallest allowed values are accepted")
        void minimums() {
            CampaignSettings minimal = settings("B", "", 1, 1, 1, "");
            fixture.givenNoPriorActivity()
                    .when(new CreateCampaign(CAMPAIGN, ORG, minimal))
                    .expectEvents(new CampaignCreated(ORG, CAMPAIGN, minimal));
        }

        @Test
        @DisplayName("the largest allowed values are accepted")
        void maximums() {
            CampaignSettings maximal = settings("n".repeat(200), "d".repeat(4000), 100, 90, 30, "t".repeat(4000));
            fixture.givenNoPriorActivity()
                    .when(new CreateCampaign(CAMPAIGN, ORG, maximal))
                    .expectEvents(new CampaignCreated(ORG, CAMPAIGN, maximal));
        }

        @Test
        @DisplayName("changing the details records the cleaned-up settings")
        void change() {
            fixture.given(created())
                    .when(new ChangeCampaignDetails(CAMPAIGN, ORG,
                            new CampaignSettings(" Board 2031 ", " new ", 3, 21, true, 5, null)))
                    .expectEvents(new CampaignDetailsChanged(ORG, CAMPAIGN,
                            new CampaignSettings("Board 2031", "new", 3, 21, true, 5, "")));
        }
    }

    @Nested
    @DisplayName("tenant and completion")
    class TenantAndCompletion {

        static Stream<Arguments> commandsOfOtherTenant() {
            return Stream.of(
                    Arguments.of(new ChangeCampaignDetails(CAMPAIGN, OTHER_ORG, SETTINGS)),
                    Arguments.of(new CompleteCampaign(CAMPAIGN, OTHER_ORG)),
                    Arguments.of(new AddSeedPerson(CAMPAIGN, OTHER_ORG, "Zoe", "zoe@example.org")),
                    Arguments.of(new AddSeedPeople(CAMPAIGN, OTHER_ORG, List.of(new SeedRow(1, "Zoe", "zoe@example.org")))),
                    Arguments.of(new RemoveSeedPerson(CAMPAIGN, OTHER_ORG, person("alice@example.org"))),
                    Arguments.of(new StartRound(CAMPAIGN, OTHER_ORG, ROUND_1, DEADLINE, false, 0)),
                    Arguments.of(new AddNominees(CAMPAIGN, OTHER_ORG, PersonId.random(), 1,
                            List.of(new NomineeEntry(person("zoe@example.org"), "Zoe", "zoe@example.org")))));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("commandsOfOtherTenant")
        @DisplayName("a command for another organisation finds no campaign")
        void otherTenant(Object command) {
            organisations.with(OTHER_ORG, OrganisationStatus.ACTIVE);

            fixture.given(created(), seed("Alice", "alice@example.org"))
                    .when(command)
                    .expectException(NotFound.class)
                    .expectException(violation(Rule.NOT_FOUND))
                    .expectNoEvents();
        }

        static Stream<Arguments> commandsAfterCompletion() {
            return Stream.of(
                    Arguments.of(new ChangeCampaignDetails(CAMPAIGN, ORG, SETTINGS)),
                    Arguments.of(new CompleteCampaign(CAMPAIGN, ORG)),
                    Arguments.of(new AddSeedPerson(CAMPAIGN, ORG, "Zoe", "zoe@example.org")),
                    Arguments.of(new AddSeedPeople(CAMPAIGN, ORG, List.of(new SeedRow(1, "Zoe", "zoe@example.org")))),
                    Arguments.of(new RemoveSeedPerson(CAMPAIGN, ORG, person("alice@example.org"))),
                    Arguments.of(new StartRound(CAMPAIGN, ORG, ROUND_1, DEADLINE, false, 0)));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("commandsAfterCompletion")
        @DisplayName("a completed campaign changes no more")
        void completed(Object command) {
            fixture.given(created(), seed("Alice", "alice@example.org"), new CampaignCompleted(ORG, CAMPAIGN))
                    .when(command)
                    .expectException(violation(Rule.CAMPAIGN_COMPLETED))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a campaign without rounds can be completed")
        void complete() {
            fixture.given(created())
                    .when(new CompleteCampaign(CAMPAIGN, ORG))
                    .expectEvents(new CampaignCompleted(ORG, CAMPAIGN));
        }

        @Test
        @DisplayName("a campaign cannot be completed while its last round is open")
        void completeWhileRoundOpen() {
            rounds.open(ROUND_1, 1);

            fixture.given(created(), seed("Alice", "alice@example.org"),
                            contacted(ROUND_1, 1, "alice@example.org"))
                    .when(new CompleteCampaign(CAMPAIGN, ORG))
                    .expectException(violation(Rule.ROUND_OPEN))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a campaign whose last round is closed can be completed")
        void completeAfterRoundClosed() {
            rounds.closed(ROUND_1, 1);

            fixture.given(created(), seed("Alice", "alice@example.org"),
                            contacted(ROUND_1, 1, "alice@example.org"))
                    .when(new CompleteCampaign(CAMPAIGN, ORG))
                    .expectEvents(new CampaignCompleted(ORG, CAMPAIGN));
        }
    }

    @Nested
    @DisplayName("seed people, one at a time")
    class SeedPerson {

        @Test
        @DisplayName("are added with their normalised email and answered with their person id")
        void adds() {
            fixture.given(created())
                    .when(new AddSeedPerson(CAMPAIGN, ORG, "  Alice Jones ", "  Alice@Example.ORG "))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new SeedPersonAdded(ORG, CAMPAIGN, person("alice@example.org"), "Alice Jones",
                            "alice@example.org"))
                    .expectResultMessagePayload(person("alice@example.org"));
        }

        @Test
        @DisplayName("need no name")
        void nameOptional() {
            fixture.given(created())
                    .when(new AddSeedPerson(CAMPAIGN, ORG, null, "alice@example.org"))
                    .expectEvents(seed("", "alice@example.org"));
        }

        @Test
        @DisplayName("cannot be added twice (the email compared normalised)")
        void duplicate() {
            fixture.given(created(), seed("Alice", "alice@example.org"))
                    .when(new AddSeedPerson(CAMPAIGN, ORG, "Alice", " ALICE@example.org"))
                    .expectException(violation(Rule.ALREADY_IN_CAMPAIGN))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("cannot be someone already nominated into the campaign")
        void alreadyNominated() {
            fixture.given(created(), nominated("Bob", "bob@example.org", 1))
                    .when(new AddSeedPerson(CAMPAIGN, ORG, "Bob", "bob@example.org"))
                    .expectException(violation(Rule.ALREADY_IN_CAMPAIGN));
        }

        @Test
        @DisplayName("can be added again after being removed")
        void readdAfterRemoval() {
            fixture.given(created(), seed("Alice", "alice@example.org"),
                            new SeedPersonRemoved(ORG, CAMPAIGN, person("alice@example.org")))
                    .when(new AddSeedPerson(CAMPAIGN, ORG, "Alice", "alice@example.org"))
                    .expectEvents(seed("Alice", "alice@example.org"));
        }

        @ParameterizedTest(name = "email \"{0}\" is refused")
        @ValueSource(strings = {"", "   ", "alice", "alice@", "alice@example", "al ice@example.org", "a@b@example.org"})
        void invalidEmail(String email) {
            fixture.given(created())
                    .when(new AddSeedPerson(CAMPAIGN, ORG, "Alice", email))
                    .expectException(violation(Rule.PERSON_INVALID))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("need an email")
        void missingEmail() {
            fixture.given(created())
                    .when(new AddSeedPerson(CAMPAIGN, ORG, "Alice", null))
                    .expectException(violation(Rule.PERSON_INVALID));
        }

        @ParameterizedTest(name = "name \"{0}\" is refused")
        @ValueSource(strings = {"Mal\u0000lory", "Mal\r\nlory", "Mal\nlory", "Mal\u202Elory", "Mal\u2067lory",
                "Mal\u0085lory", "Mal\uDC00lory"})
        void nameWithControlCharacters(String name) {
            fixture.given(created())
                    .when(new AddSeedPerson(CAMPAIGN, ORG, name, "mallory@example.org"))
                    .expectException(violation(Rule.PERSON_INVALID))
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "email \"{0}\" is refused")
        @ValueSource(strings = {"mal\u0000lory@example.org", "mal\r\nlory@example.org",
                "mallory@example.org\r\nBcc: x@y.org", "mal\u202Elory@example.org", "mal\tlory@example.org"})
        void emailWithControlCharacters(String email) {
            fixture.given(created())
                    .when(new AddSeedPerson(CAMPAIGN, ORG, "Mallory", email))
                    .expectException(violation(Rule.PERSON_INVALID))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("have their name stored in NFC")
        void nameNormalised() {
            fixture.given(created())
                    .when(new AddSeedPerson(CAMPAIGN, ORG, "Ame\u0301lie", "amelie@example.org"))
                    .expectEvents(seed("Am\u00e9lie", "amelie@example.org"));
        }

        @Test
        @DisplayName("cannot have a name longer than 200 characters")
        void nameTooLong() {
            fixture.given(created())
                    .when(new AddSeedPerson(CAMPAIGN, ORG, "n".repeat(201), "alice@example.org"))
                    .expectException(violation(Rule.PERSON_INVALID));
        }
    }

    @Nested
    @DisplayName("seed people, in a batch")
    class SeedBatch {

        @Test
        @DisplayName("answers one outcome per row and adds only the good, new rows")
        void outcomes() {
            List<SeedRow> rows = List.of(
                    new SeedRow(1, "Alice", " Alice@Example.org "),
                    new SeedRow(2, "Alice again", "alice@example.org"),
                    new SeedRow(3, "Carol", "CAROL@example.org"),
                    new SeedRow(4, "Broken", "not-an-email"),
                    new SeedRow(5, "Nobody", "  "),
                    new SeedRow(6, null, "dave@example.org"),
                    new SeedRow(7, "n".repeat(201), "erin@example.org"));

            fixture.given(created(), seed("Carol", "carol@example.org"))
                    .when(new AddSeedPeople(CAMPAIGN, ORG, rows))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(seed("Alice", "alice@example.org"), seed("", "dave@example.org"))
                    .expectResultMessagePayload(new SeedBatchResult(List.of(
                            new SeedRowOutcome(1, "alice@example.org", Result.ADDED, person("alice@example.org"), null),
                            new SeedRowOutcome(2, "alice@example.org", Result.DUPLICATE_IN_BATCH, null,
                                    "same address as line 1"),
                            new SeedRowOutcome(3, "carol@example.org", Result.ALREADY_IN_CAMPAIGN, null,
                                    "already in this campaign"),
                            new SeedRowOutcome(4, "not-an-email", Result.INVALID, null,
                                    "'not-an-email' is not a valid email address"),
                            new SeedRowOutcome(5, "", Result.INVALID, null, "the email address is missing"),
                            new SeedRowOutcome(6, "dave@example.org", Result.ADDED, person("dave@example.org"), null),
                            new SeedRowOutcome(7, "erin@example.org", Result.INVALID, null,
                                    "the name is longer than 200 characters (it has 201)"))));
        }

        @Test
        @DisplayName("reports rows with control characters or bidi overrides as invalid, adding the others")
        void controlCharacters() {
            fixture.given(created())
                    .when(new AddSeedPeople(CAMPAIGN, ORG, List.of(
                            new SeedRow(1, "Mal\u0000lory", "mallory@example.org"),
                            new SeedRow(2, "Tr\u202Eudy", "trudy@example.org"),
                            new SeedRow(3, "Eve", "e\r\nve@example.org"),
                            new SeedRow(4, "Fay", "fay@example.org"))))
                    .expectEvents(seed("Fay", "fay@example.org"))
                    .expectResultMessagePayloadMatching(FixtureSupport.<SeedBatchResult>satisfying(result ->
                            assertThat(result.rejected()).extracting(SeedRowOutcome::line, SeedRowOutcome::reason)
                                    .containsExactly(
                                            tuple(1, "the name contains an invisible control character (U+0000), "
                                                    + "which is not allowed"),
                                            tuple(2, "the name contains an invisible text-direction character "
                                                    + "(U+202E), which is not allowed"),
                                            tuple(3, "'e<U+000D><U+000A>ve@example.org' is not a valid email "
                                                    + "address"))));
        }

        @Test
        @DisplayName("reports only the rows that were added as added")
        void addedAndRejected() {
            fixture.given(created(), nominated("Bob", "bob@example.org", 1))
                    .when(new AddSeedPeople(CAMPAIGN, ORG, List.of(
                            new SeedRow(10, "Bob", "bob@example.org"),
                            new SeedRow(11, "Fay", "fay@example.org"))))
                    .expectEvents(seed("Fay", "fay@example.org"))
                    .expectResultMessagePayloadMatching(FixtureSupport.<SeedBatchResult>satisfying(result -> {
                        assertThat(result.added()).extracting(SeedRowOutcome::line).containsExactly(11);
                        assertThat(result.rejected()).extracting(SeedRowOutcome::line, SeedRowOutcome::result)
                                .containsExactly(tuple(10, Result.ALREADY_IN_CAMPAIGN));
                    }));
        }

        @Test
        @DisplayName("an empty or missing list adds nobody")
        void empty() {
            fixture.given(created())
                    .when(new AddSeedPeople(CAMPAIGN, ORG, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(new SeedBatchResult(List.of()));
        }

        @Test
        @DisplayName("more than 10,000 rows are refused as a whole")
        void tooLarge() {
            List<SeedRow> rows = IntStream.rangeClosed(1, AddSeedPeople.MAX_ROWS + 1)
                    .mapToObj(i -> new SeedRow(i, "P" + i, "p" + i + "@example.org")).toList();

            fixture.given(created())
                    .when(new AddSeedPeople(CAMPAIGN, ORG, rows))
                    .expectException(violation(Rule.BATCH_TOO_LARGE))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("removing seed people")
    class RemoveSeed {

        @Test
        @DisplayName("a seed person not yet contacted can be removed")
        void removes() {
            fixture.given(created(), seed("Alice", "alice@example.org"))
                    .when(new RemoveSeedPerson(CAMPAIGN, ORG, person("alice@example.org")))
                    .expectEvents(new SeedPersonRemoved(ORG, CAMPAIGN, person("alice@example.org")));
        }

        @Test
        @DisplayName("a seed person who was contacted can no longer be removed")
        void alreadyContacted() {
            rounds.closed(ROUND_1, 1);

            fixture.given(created(), seed("Alice", "alice@example.org"), contacted(ROUND_1, 1, "alice@example.org"))
                    .when(new RemoveSeedPerson(CAMPAIGN, ORG, person("alice@example.org")))
                    .expectException(violation(Rule.ALREADY_CONTACTED))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("an unknown person is not found")
        void unknown() {
            fixture.given(created(), seed("Alice", "alice@example.org"))
                    .when(new RemoveSeedPerson(CAMPAIGN, ORG, person("zoe@example.org")))
                    .expectException(violation(Rule.NOT_FOUND));
        }

        @Test
        @DisplayName("a removed person cannot be removed twice")
        void removedTwice() {
            fixture.given(created(), seed("Alice", "alice@example.org"),
                            new SeedPersonRemoved(ORG, CAMPAIGN, person("alice@example.org")))
                    .when(new RemoveSeedPerson(CAMPAIGN, ORG, person("alice@example.org")))
                    .expectException(violation(Rule.NOT_FOUND));
        }

        @Test
        @DisplayName("a nominated (not seed) person is not a seed person")
        void nominee() {
            fixture.given(created(), nominated("Bob", "bob@example.org", 1))
                    .when(new RemoveSeedPerson(CAMPAIGN, ORG, person("bob@example.org")))
                    .expectException(violation(Rule.NOT_FOUND));
        }
    }

    @Nested
    @DisplayName("starting a round")
    class Start {

        @Test
        @DisplayName("contacts every never-contacted person, opens the round and invites each of them")
        void startsFirstRound() {
            Instant reminderAt = DEADLINE.minus(Duration.ofDays(3));

            fixture.given(created(), seed("Alice", "alice@example.org"), seed("Bob", "bob@example.org"))
                    .when(startRound(ROUND_1, DEADLINE, true, 3))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(1)
                    .expectEventsMatching(payloads(events -> {
                        assertThat(events).extracting(Object::getClass).containsExactly(PeopleContacted.class,
                                RoundStarted.class, RoundDeadlinesScheduled.class, ContactInvited.class,
                                ContactInvited.class);
                        assertThat(events.get(0)).isEqualTo(
                                contacted(ROUND_1, 1, "alice@example.org", "bob@example.org"));
                        assertThat(events.get(1)).isEqualTo(
                                new RoundStarted(ORG, CAMPAIGN, ROUND_1, 1, DEADLINE, reminderAt, 2));
                        List<ContactInvited> invites = ofType(events, ContactInvited.class);
                        assertThat(invites)
                                .extracting(ContactInvited::organisationId, ContactInvited::campaignId,
                                        ContactInvited::roundId, ContactInvited::roundNumber,
                                        ContactInvited::personId, ContactInvited::name, ContactInvited::email)
                                .containsExactly(
                                        tuple(ORG, CAMPAIGN, ROUND_1, 1, person("alice@example.org"), "Alice",
                                                "alice@example.org"),
                                        tuple(ORG, CAMPAIGN, ROUND_1, 1, person("bob@example.org"), "Bob",
                                                "bob@example.org"));
                        assertThat(invites).extracting(ContactInvited::invitationId).doesNotContainNull()
                                .doesNotHaveDuplicates();
                    }));
        }

        @Test
        @DisplayName("schedules the round's auto-close at the deadline and its reminder before it")
        void schedulesDeadlines() {
            fixture.given(created(), seed("Alice", "alice@example.org"))
                    .when(startRound(ROUND_1, DEADLINE, true, 3))
                    .expectSuccessfulHandlerExecution()
                    .expectScheduledDeadlineWithName(DEADLINE, Round.AUTO_CLOSE)
                    .expectScheduledDeadlineWithName(DEADLINE.minus(Duration.ofDays(3)), Round.REMINDER)
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, RoundDeadlinesScheduled.class))
                            .singleElement()
                            .satisfies(scheduled -> {
                                assertThat(scheduled.autoCloseId()).isNotBlank();
                                assertThat(scheduled.reminderId()).isNotBlank().isNotEqualTo(scheduled.autoCloseId());
                            })));
        }

        @Test
        @DisplayName("without a reminder, schedules only the auto-close (reminder days are then ignored)")
        void noReminder() {
            fixture.given(created(), seed("Alice", "alice@example.org"))
                    .when(startRound(ROUND_1, DEADLINE, false, 0))
                    .expectSuccessfulHandlerExecution()
                    .expectScheduledDeadlineWithName(DEADLINE, Round.AUTO_CLOSE)
                    .expectNoScheduledDeadlineWithName(T0, DEADLINE.plus(Duration.ofDays(1)), Round.REMINDER)
                    .expectEventsMatching(payloads(events -> {
                        assertThat(ofType(events, RoundStarted.class)).singleElement()
                                .isEqualTo(new RoundStarted(ORG, CAMPAIGN, ROUND_1, 1, DEADLINE, null, 1));
                        assertThat(ofType(events, RoundDeadlinesScheduled.class)).singleElement()
                                .extracting(RoundDeadlinesScheduled::reminderId).isNull();
                    }));
        }

        @Test
        @DisplayName("a removed seed person is not contacted")
        void removedNotContacted() {
            fixture.given(created(), seed("Alice", "alice@example.org"), seed("Bob", "bob@example.org"),
                            new SeedPersonRemoved(ORG, CAMPAIGN, person("bob@example.org")))
                    .when(startRound(ROUND_1, DEADLINE, false, 0))
                    .expectEventsMatching(payloads(events -> {
                        assertThat(events.get(0)).isEqualTo(contacted(ROUND_1, 1, "alice@example.org"));
                        assertThat(ofType(events, ContactInvited.class)).extracting(ContactInvited::personId)
                                .containsExactly(person("alice@example.org"));
                    }));
        }

        @Test
        @DisplayName("a campaign with nobody in it has nobody to contact")
        void nobodyAtAll() {
            fixture.given(created())
                    .when(startRound(ROUND_1, DEADLINE, false, 0))
                    .expectException(violation(Rule.NOBODY_TO_CONTACT))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @Test
        @DisplayName("when everyone has been asked, there is nobody to contact")
        void everyoneContacted() {
            rounds.closed(ROUND_1, 1);

            fixture.given(created(), seed("Alice", "alice@example.org"), contacted(ROUND_1, 1, "alice@example.org"))
                    .when(startRound(ROUND_2, DEADLINE, false, 0))
                    .expectException(violation(Rule.NOBODY_TO_CONTACT))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("only one round can be open at a time")
        void roundOpen() {
            rounds.open(ROUND_1, 1);

            fixture.given(created(), seed("Alice", "alice@example.org"), contacted(ROUND_1, 1, "alice@example.org"),
                            nominated("Bob", "bob@example.org", 1))
                    .when(startRound(ROUND_2, DEADLINE, false, 0))
                    .expectException(violation(Rule.ROUND_OPEN, "rule.round-open", 1))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @Test
        @DisplayName("a second round, after the first closed, contacts only the people nominated since")
        void secondRound() {
            rounds.closed(ROUND_1, 1);

            fixture.given(created(), seed("Alice", "alice@example.org"), seed("Bob", "bob@example.org"),
                            contacted(ROUND_1, 1, "alice@example.org", "bob@example.org"),
                            nominated("Carol", "carol@example.org", 1), nominated("Dave", "dave@example.org", 1))
                    .when(startRound(ROUND_2, DEADLINE, false, 0))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(2)
                    .expectEventsMatching(payloads(events -> {
                        assertThat(events.get(0)).isEqualTo(
                                contacted(ROUND_2, 2, "carol@example.org", "dave@example.org"));
                        assertThat(ofType(events, RoundStarted.class)).singleElement()
                                .isEqualTo(new RoundStarted(ORG, CAMPAIGN, ROUND_2, 2, DEADLINE, null, 2));
                        assertThat(ofType(events, ContactInvited.class))
                                .extracting(ContactInvited::personId, ContactInvited::roundNumber)
                                .containsExactly(tuple(person("carol@example.org"), 2),
                                        tuple(person("dave@example.org"), 2));
                    }));
        }

        @ParameterizedTest(name = "deadline at now {0} refused")
        @ValueSource(longs = {0, -1, -86_400})
        @DisplayName("the deadline must be in the future")
        void deadlineNotInFuture(long secondsFromNow) {
            fixture.given(created(), seed("Alice", "alice@example.org"))
                    .when(startRound(ROUND_1, T0.plusSeconds(secondsFromNow), false, 0))
                    .expectException(violation(Rule.DEADLINE_IN_PAST))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a round needs a deadline")
        void deadlineMissing() {
            fixture.given(created(), seed("Alice", "alice@example.org"))
                    .when(startRound(ROUND_1, null, false, 0))
                    .expectException(violation(Rule.DEADLINE_IN_PAST));
        }

        @Test
        @DisplayName("a deadline one second ahead is accepted")
        void deadlineJustAhead() {
            fixture.given(created(), seed("Alice", "alice@example.org"))
                    .when(startRound(ROUND_1, T0.plusSeconds(1), false, 0))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(1);
        }

        @Test
        @DisplayName("the deadline can be at most a year ahead")
        void deadlineTooFar() {
            fixture.given(created(), seed("Alice", "alice@example.org"))
                    .when(startRound(ROUND_1, T0.plus(Round.MAX_LENGTH).plusSeconds(1), false, 0))
                    .expectException(violation(Rule.DEADLINE_TOO_FAR))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a deadline exactly a year ahead is accepted")
        void deadlineAYearAhead() {
            fixture.given(created(), seed("Alice", "alice@example.org"))
                    .when(startRound(ROUND_1, T0.plus(Round.MAX_LENGTH), false, 0))
                    .expectSuccessfulHandlerExecution();
        }

        @ParameterizedTest(name = "{0} days before refused")
        @ValueSource(ints = {0, -1, 31})
        @DisplayName("a reminder must be 1 to 30 days before the deadline")
        void reminderDaysOutOfRange(int days) {
            fixture.given(created(), seed("Alice", "alice@example.org"))
                    .when(startRound(ROUND_1, T0.plus(Duration.ofDays(60)), true, days))
                    .expectException(violation(Rule.REMINDER_INVALID))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a reminder that would be due at or before the start is refused")
        void reminderInPast() {
            fixture.given(created(), seed("Alice", "alice@example.org"))
                    .when(startRound(ROUND_1, T0.plus(Duration.ofDays(2)), true, 2))
                    .expectException(violation(Rule.REMINDER_IN_PAST))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a reminder due just after the start is accepted")
        void reminderJustAfterStart() {
            Instant deadline = T0.plus(Duration.ofDays(2)).plusSeconds(1);
            fixture.given(created(), seed("Alice", "alice@example.org"))
                    .when(startRound(ROUND_1, deadline, true, 2))
                    .expectSuccessfulHandlerExecution()
                    .expectScheduledDeadlineWithName(T0.plusSeconds(1), Round.REMINDER);
        }

        @Test
        @DisplayName("a suspended organisation starts no rounds")
        void suspended() {
            organisations.with(ORG, OrganisationStatus.SUSPENDED);

            fixture.given(created(), seed("Alice", "alice@example.org"))
                    .when(startRound(ROUND_1, DEADLINE, false, 0))
                    .expectException(violation(Rule.ORGANISATION_SUSPENDED))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("an inactive organisation starts no rounds")
        void inactive() {
            organisations.with(ORG, OrganisationStatus.INACTIVE);

            fixture.given(created(), seed("Alice", "alice@example.org"))
                    .when(startRound(ROUND_1, DEADLINE, false, 0))
                    .expectException(violation(Rule.ORGANISATION_INACTIVE))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("adding nominees")
    class Nominees {

        private final PersonId nominator = PersonId.random();
        private final PersonId otherNominator = PersonId.random();

        private NomineeEntry entry(String name, String email) {
            return new NomineeEntry(person(email), name, email);
        }

        private NominationsRecorded recorded(PersonId who, int round, String... emails) {
            return new NominationsRecorded(ORG, CAMPAIGN, who, round,
                    java.util.Arrays.stream(emails).map(CampaignTest::person).toList());
        }

        @Test
        @DisplayName("records the list and brings in only people not yet in the roster")
        void onlyNewPeople() {
            fixture.given(created(), seed("Alice", "alice@example.org"), nominated("Bob", "bob@example.org", 1))
                    .when(new AddNominees(CAMPAIGN, ORG, nominator, 1, List.of(entry("Alice", "alice@example.org"),
                            entry("Carol", "carol@example.org"), entry("Bob B.", "bob@example.org"),
                            entry("Dave", "dave@example.org"))))
                    .expectEvents(recorded(nominator, 1, "alice@example.org", "carol@example.org", "bob@example.org",
                                    "dave@example.org"),
                            nominated("Carol", "carol@example.org", 1), nominated("Dave", "dave@example.org", 1));
        }

        @Test
        @DisplayName("brings in a person named twice in one batch once")
        void twiceInOneBatch() {
            fixture.given(created())
                    .when(new AddNominees(CAMPAIGN, ORG, nominator, 2, List.of(entry("Carol", "carol@example.org"),
                            entry("Carol", "carol@example.org"))))
                    .expectEvents(recorded(nominator, 2, "carol@example.org"), nominated("Carol", "carol@example.org", 2));
        }

        @Test
        @DisplayName("brings nobody in when everyone named is already in the roster")
        void nobodyNew() {
            fixture.given(created(), seed("Alice", "alice@example.org"))
                    .when(new AddNominees(CAMPAIGN, ORG, nominator, 1, List.of(entry("Alice", "alice@example.org"))))
                    .expectEvents(recorded(nominator, 1, "alice@example.org"));
        }

        @Test
        @DisplayName("the same list again records nothing")
        void sameListAgain() {
            fixture.given(created(), seed("Alice", "alice@example.org"), recorded(nominator, 1, "alice@example.org"))
                    .when(new AddNominees(CAMPAIGN, ORG, nominator, 1, List.of(entry("Alice", "alice@example.org"))))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        @DisplayName("people who were already contacted are not brought in again")
        void alreadyContacted() {
            rounds.closed(ROUND_1, 1);

            fixture.given(created(), seed("Alice", "alice@example.org"), contacted(ROUND_1, 1, "alice@example.org"))
                    .when(new AddNominees(CAMPAIGN, ORG, nominator, 1, List.of(entry("Alice", "alice@example.org"))))
                    .expectEvents(recorded(nominator, 1, "alice@example.org"));
        }

        @Test
        @DisplayName("a corrected address: the mistyped person, named by nobody else and not asked yet, leaves the roster")
        void withdrawnNameLeaves() {
            fixture.given(created(), recorded(nominator, 1, "karol@example.org"),
                            nominated("Carol", "karol@example.org", 1))
                    .when(new AddNominees(CAMPAIGN, ORG, nominator, 1, List.of(entry("Carol", "carol@example.org"))))
                    .expectEvents(recorded(nominator, 1, "carol@example.org"), nominated("Carol", "carol@example.org", 1),
                            new PersonDroppedFromRoster(ORG, CAMPAIGN, person("karol@example.org")));
        }

        @Test
        @DisplayName("a person still named by another nominator stays")
        void stillNamedStays() {
            fixture.given(created(), recorded(nominator, 1, "dan@example.org"),
                            recorded(otherNominator, 1, "dan@example.org"), nominated("Dan", "dan@example.org", 1))
                    .when(new AddNominees(CAMPAIGN, ORG, nominator, 1, List.of()))
                    .expectEvents(recorded(nominator, 1));
        }

        @Test
        @DisplayName("a person already asked stays, even when nobody names them any more")
        void askedStays() {
            rounds.closed(ROUND_1, 1);
            fixture.given(created(), recorded(nominator, 1, "dan@example.org"), nominated("Dan", "dan@example.org", 1),
                            contacted(ROUND_1, 1, "dan@example.org"))
                    .when(new AddNominees(CAMPAIGN, ORG, nominator, 1, List.of()))
                    .expectEvents(recorded(nominator, 1));
        }

        @Test
        @DisplayName("a seed person stays, even when their nominator withdraws them")
        void seedStays() {
            fixture.given(created(), seed("Alice", "alice@example.org"), recorded(nominator, 1, "alice@example.org"))
                    .when(new AddNominees(CAMPAIGN, ORG, nominator, 1, List.of()))
                    .expectEvents(recorded(nominator, 1));
        }
    }
}
