package org.oostkit.wrt.domain.campaign;

import org.oostkit.wrt.api.common.Rule;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignCommands.StartRound;
import org.oostkit.wrt.api.campaign.CampaignCompleted;
import org.oostkit.wrt.api.campaign.CampaignCreated;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.CampaignRosterCommands.BringPersonBack;
import org.oostkit.wrt.api.campaign.CampaignRosterCommands.SetPersonAside;
import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.api.campaign.PeopleContacted;
import org.oostkit.wrt.api.campaign.PersonBroughtBack;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.campaign.PersonSetAside;
import org.oostkit.wrt.api.campaign.SeedPersonAdded;
import org.oostkit.wrt.api.campaign.SeedPersonRemoved;
import org.oostkit.wrt.api.common.NotFound;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.organisation.OrganisationStatus;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.domain.security.PersonIdentities;
import org.oostkit.wrt.domain.testing.FixtureSupport.InMemoryOrganisationDirectory;
import org.oostkit.wrt.domain.testing.FixtureSupport.InMemoryRoundDirectory;
import org.oostkit.wrt.domain.testing.FixtureSupport;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oostkit.wrt.domain.testing.FixtureSupport.T0;
import static org.oostkit.wrt.domain.testing.FixtureSupport.fixtureClock;
import static org.oostkit.wrt.domain.testing.FixtureSupport.ofType;
import static org.oostkit.wrt.domain.testing.FixtureSupport.payloads;
import static org.oostkit.wrt.domain.testing.FixtureSupport.violation;

@DisplayName("Campaign: leave out of the next round (issue #17)")
class CampaignSetAsideTest {

    private static final OrganisationId ORG = OrganisationId.random();
    private static final CampaignId CAMPAIGN = CampaignId.random();
    private static final RoundId ROUND_1 = RoundId.random();
    private static final RoundId ROUND_2 = RoundId.random();
    private static final PersonIdentities IDENTITIES = FixtureSupport.identities();
    private static final PersonId ALICE = IDENTITIES.personId(CAMPAIGN, "alice@example.org");
    private static final PersonId BOB = IDENTITIES.personId(CAMPAIGN, "bob@example.org");

    private AggregateTestFixture<Campaign> fixture;
    private InMemoryRoundDirectory rounds;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Campaign.class);
        rounds = new InMemoryRoundDirectory();
        fixture.registerInjectableResource(new InMemoryOrganisationDirectory().with(ORG, OrganisationStatus.ACTIVE));
        fixture.registerInjectableResource(rounds);
        fixture.registerInjectableResource(IDENTITIES);
        fixture.registerInjectableResource(fixtureClock(fixture));
        fixture.givenCurrentTime(T0);
    }

    private static Object[] twoSeeds() {
        return new Object[]{new CampaignCreated(ORG, CAMPAIGN, CampaignSettings.named("Board 2030")),
                new SeedPersonAdded(ORG, CAMPAIGN, ALICE, "Alice", "alice@example.org"),
                new SeedPersonAdded(ORG, CAMPAIGN, BOB, "Bob", "bob@example.org")};
    }

    private static StartRound start(RoundId round) {
        return new StartRound(CAMPAIGN, ORG, round, T0.plus(Duration.ofDays(14)), false, 3);
    }

    @Test
    @DisplayName("a person set aside is recorded with the cleaned note, once")
    void setsAside() {
        fixture.given(twoSeeds())
                .when(new SetPersonAside(CAMPAIGN, ORG, BOB, "  on leave until March \r\n"))
                .expectEvents(new PersonSetAside(ORG, CAMPAIGN, BOB, "on leave until March"));
        fixture.given(twoSeeds()).andGiven(new PersonSetAside(ORG, CAMPAIGN, BOB, ""))
                .when(new SetPersonAside(CAMPAIGN, ORG, BOB, "again"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    @DisplayName("the next round does not ask a person set aside; they stay in the roster")
    void notAsked() {
        fixture.given(twoSeeds()).andGiven(new PersonSetAside(ORG, CAMPAIGN, BOB, ""))
                .when(start(ROUND_1))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloads(events -> {
                    assertThat(ofType(events, PeopleContacted.class).get(0).personIds()).containsExactly(ALICE);
                    assertThat(ofType(events, ContactInvited.class)).extracting(ContactInvited::personId)
                            .containsExactly(ALICE);
                }));
    }

    @Test
    @DisplayName("brought back, they are asked in the next round")
    void broughtBack() {
        fixture.given(twoSeeds())
                .andGiven(new PersonSetAside(ORG, CAMPAIGN, BOB, ""),
                        new PeopleContacted(ORG, CAMPAIGN, ROUND_1, 1, java.util.List.of(ALICE)))
                .when(new BringPersonBack(CAMPAIGN, ORG, BOB))
                .expectEvents(new PersonBroughtBack(ORG, CAMPAIGN, BOB));
        rounds.closed(ROUND_1, 1);
        fixture.given(twoSeeds())
                .andGiven(new PersonSetAside(ORG, CAMPAIGN, BOB, ""),
                        new PeopleContacted(ORG, CAMPAIGN, ROUND_1, 1, java.util.List.of(ALICE)),
                        new PersonBroughtBack(ORG, CAMPAIGN, BOB))
                .when(start(ROUND_2))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, PeopleContacted.class).get(0)
                        .personIds()).containsExactly(BOB)));
    }

    @Test
    @DisplayName("when everyone not asked yet is set aside, no round starts, and says why")
    void everyoneSetAside() {
        fixture.given(twoSeeds())
                .andGiven(new PersonSetAside(ORG, CAMPAIGN, ALICE, ""), new PersonSetAside(ORG, CAMPAIGN, BOB, ""))
                .when(start(ROUND_1))
                .expectException(violation(Rule.NOBODY_TO_CONTACT))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("set aside"));
    }

    @Test
    @DisplayName("refused: someone already asked, someone unknown, a bad note, a completed campaign")
    void refusals() {
        fixture.given(twoSeeds()).andGiven(new PeopleContacted(ORG, CAMPAIGN, ROUND_1, 1, java.util.List.of(ALICE)))
                .when(new SetPersonAside(CAMPAIGN, ORG, ALICE, ""))
                .expectException(violation(Rule.ALREADY_CONTACTED));
        fixture.given(twoSeeds())
                .when(new SetPersonAside(CAMPAIGN, ORG, IDENTITIES.personId(CAMPAIGN, "x@example.org"), ""))
                .expectException(NotFound.class);
        fixture.given(twoSeeds())
                .when(new SetPersonAside(CAMPAIGN, ORG, BOB, "x".repeat(501)))
                .expectException(violation(Rule.NOTE_INVALID));
        fixture.given(twoSeeds()).andGiven(new CampaignCompleted(ORG, CAMPAIGN))
                .when(new BringPersonBack(CAMPAIGN, ORG, BOB))
                .expectException(violation(Rule.CAMPAIGN_COMPLETED));
    }

    @Test
    @DisplayName("bringing back someone not set aside changes nothing; a removed seed is no longer set aside")
    void idempotentAndRemoval() {
        fixture.given(twoSeeds())
                .when(new BringPersonBack(CAMPAIGN, ORG, BOB))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(twoSeeds())
                .andGiven(new PersonSetAside(ORG, CAMPAIGN, BOB, ""), new SeedPersonRemoved(ORG, CAMPAIGN, BOB),
                        new SeedPersonAdded(ORG, CAMPAIGN, BOB, "Bob", "bob@example.org"))
                .when(start(ROUND_1))
                .expectEventsMatching(payloads(events -> assertThat(ofType(events, PeopleContacted.class).get(0)
                        .personIds()).containsExactlyInAnyOrder(ALICE, BOB)));
    }
}
