package org.oostkit.wrt.domain.campaign;

import org.oostkit.wrt.api.common.Rule;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignCommands.AddSeedPerson;
import org.oostkit.wrt.api.campaign.CampaignCommands.ApplyRetention;
import org.oostkit.wrt.api.campaign.CampaignCommands.ChangeCampaignDetails;
import org.oostkit.wrt.api.campaign.CampaignCommands.CompleteCampaign;
import org.oostkit.wrt.api.campaign.CampaignCommands.EraseCampaign;
import org.oostkit.wrt.api.campaign.CampaignCommands.ErasePerson;
import org.oostkit.wrt.api.campaign.CampaignCommands.StartRound;
import org.oostkit.wrt.api.campaign.CampaignCompleted;
import org.oostkit.wrt.api.campaign.CampaignCreated;
import org.oostkit.wrt.api.campaign.CampaignErased;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.api.campaign.ErasureReason;
import org.oostkit.wrt.api.campaign.PeopleContacted;
import org.oostkit.wrt.api.campaign.PersonDroppedFromRoster;
import org.oostkit.wrt.api.campaign.PersonErased;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.campaign.PersonNominatedIntoCampaign;
import org.oostkit.wrt.api.campaign.RetentionOutcome;
import org.oostkit.wrt.api.campaign.RetentionWarning;
import org.oostkit.wrt.api.campaign.RetentionWarningSent;
import org.oostkit.wrt.api.campaign.SeedPersonAdded;
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
import java.time.Instant;
import java.time.Period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oostkit.wrt.domain.testing.FixtureSupport.T0;
import static org.oostkit.wrt.domain.testing.FixtureSupport.fixtureClock;
import static org.oostkit.wrt.domain.testing.FixtureSupport.ofType;
import static org.oostkit.wrt.domain.testing.FixtureSupport.payloads;
import static org.oostkit.wrt.domain.testing.FixtureSupport.violation;

@DisplayName("Campaign erasure and retention")
class CampaignErasureTest {

    private static final OrganisationId ORG = OrganisationId.random();
    private static final OrganisationId OTHER_ORG = OrganisationId.random();
    private static final CampaignId CAMPAIGN = CampaignId.random();
    private static final RoundId ROUND_1 = RoundId.random();
    private static final PersonIdentities IDENTITIES = FixtureSupport.identities();
    private static final Period RETENTION = Period.ofMonths(24);
    /** When the campaign's retention runs out if it completes at T0. */
    private static final Instant DUE = Instant.parse("2032-03-01T09:00:00Z");

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

    private static PersonId person(String email) {
        return IDENTITIES.personId(CAMPAIGN, email);
    }

    private static CampaignCreated created() {
        return new CampaignCreated(ORG, CAMPAIGN, CampaignSettings.named("Board 2030"));
    }

    private static SeedPersonAdded seed(String name, String email) {
        return new SeedPersonAdded(ORG, CAMPAIGN, person(email), name, email);
    }

    private static ApplyRetention retention() {
        return new ApplyRetention(CAMPAIGN, ORG, RETENTION);
    }

    private static RetentionWarningSent warning(RetentionWarning kind, Instant erasureAt) {
        return new RetentionWarningSent(ORG, CAMPAIGN, kind, erasureAt);
    }

    @Nested
    @DisplayName("on request")
    class OnRequest {

        @Test
        @DisplayName("an admin erases a campaign with no open round, completed or not")
        void erases() {
            fixture.given(created(), seed("Ann", "ann@x.test"))
                    .when(new EraseCampaign(CAMPAIGN, ORG))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new CampaignErased(ORG, CAMPAIGN, ErasureReason.ON_REQUEST));
        }

        @Test
        @DisplayName("a campaign with an open round is not erased: close the round first")
        void openRound() {
            rounds.open(ROUND_1, 1);
            fixture.given(created(), seed("Ann", "ann@x.test"),
                            new PeopleContacted(ORG, CAMPAIGN, ROUND_1, 1, java.util.List.of(person("ann@x.test"))))
                    .when(new EraseCampaign(CAMPAIGN, ORG))
                    .expectException(violation(Rule.ROUND_OPEN, "rule.round-open.erase", 1))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a campaign is erased once")
        void twice() {
            fixture.given(created(), new CampaignErased(ORG, CAMPAIGN, ErasureReason.ON_REQUEST))
                    .when(new EraseCampaign(CAMPAIGN, ORG))
                    .expectException(violation(Rule.CAMPAIGN_ERASED))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("another organisation's campaign is not found")
        void otherTenant() {
            fixture.given(created())
                    .when(new EraseCampaign(CAMPAIGN, OTHER_ORG))
                    .expectException(NotFound.class)
                    .expectNoEvents();
        }

        @Test
        @DisplayName("an erased campaign takes no further command")
        void noCommandsAfterErasure() {
            fixture.given(created(), new CampaignErased(ORG, CAMPAIGN, ErasureReason.ON_REQUEST))
                    .when(new ChangeCampaignDetails(CAMPAIGN, ORG, CampaignSettings.named("Back")))
                    .expectException(violation(Rule.CAMPAIGN_ERASED));
            fixture.given(created(), new CampaignErased(ORG, CAMPAIGN, ErasureReason.ON_REQUEST))
                    .when(new AddSeedPerson(CAMPAIGN, ORG, "Bea", "bea@x.test"))
                    .expectException(violation(Rule.CAMPAIGN_ERASED));
            fixture.given(created(), new CampaignErased(ORG, CAMPAIGN, ErasureReason.ON_REQUEST))
                    .when(new StartRound(CAMPAIGN, ORG, ROUND_1, T0.plus(Duration.ofDays(3)), false, 0))
                    .expectException(violation(Rule.CAMPAIGN_ERASED));
            fixture.given(created(), new CampaignErased(ORG, CAMPAIGN, ErasureReason.ON_REQUEST))
                    .when(new CompleteCampaign(CAMPAIGN, ORG))
                    .expectException(violation(Rule.CAMPAIGN_ERASED));
            fixture.given(created(), new CampaignErased(ORG, CAMPAIGN, ErasureReason.ON_REQUEST))
                    .when(new ErasePerson(CAMPAIGN, ORG, "ann@x.test"))
                    .expectException(violation(Rule.CAMPAIGN_ERASED));
            fixture.given(created(), new CampaignCompleted(ORG, CAMPAIGN),
                            new CampaignErased(ORG, CAMPAIGN, ErasureReason.ON_REQUEST))
                    .when(retention())
                    .expectException(violation(Rule.CAMPAIGN_ERASED))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("one person")
    class OnePerson {

        @Test
        @DisplayName("a person is found by their address, in any spelling, and erased")
        void erasesPerson() {
            fixture.given(created(), seed("Ann", "ann@x.test"), seed("Bob", "bob@x.test"))
                    .when(new ErasePerson(CAMPAIGN, ORG, "  ANN@x.test "))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(person("ann@x.test"))
                    .expectEvents(new PersonErased(ORG, CAMPAIGN, person("ann@x.test")));
        }

        @Test
        @DisplayName("also in a completed campaign, and a person who already left the roster")
        void completedAndDropped() {
            fixture.given(created(), seed("Ann", "ann@x.test"),
                            new PersonNominatedIntoCampaign(ORG, CAMPAIGN, person("cy@x.test"), 1, "Cy", "cy@x.test"),
                            new PersonDroppedFromRoster(ORG, CAMPAIGN, person("cy@x.test")),
                            new CampaignCompleted(ORG, CAMPAIGN))
                    .when(new ErasePerson(CAMPAIGN, ORG, "cy@x.test"))
                    .expectEvents(new PersonErased(ORG, CAMPAIGN, person("cy@x.test")));
        }

        @Test
        @DisplayName("an address the campaign never recorded is not found")
        void unknown() {
            fixture.given(created(), seed("Ann", "ann@x.test"))
                    .when(new ErasePerson(CAMPAIGN, ORG, "nobody@x.test"))
                    .expectException(violation(Rule.NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a person is erased once")
        void twice() {
            fixture.given(created(), seed("Ann", "ann@x.test"), new PersonErased(ORG, CAMPAIGN, person("ann@x.test")))
                    .when(new ErasePerson(CAMPAIGN, ORG, "ann@x.test"))
                    .expectException(violation(Rule.PERSON_ERASED))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("an erased person stays counted: a round still asks them, with no readable name or address")
        void staysInRoster() {
            fixture.given(created(), seed("Ann", "ann@x.test"), seed("Bob", "bob@x.test"),
                            new PersonErased(ORG, CAMPAIGN, person("ann@x.test")))
                    .when(new StartRound(CAMPAIGN, ORG, ROUND_1, T0.plus(Duration.ofDays(3)), false, 0))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(payloads(events -> assertThat(ofType(events, ContactInvited.class))
                            .extracting(ContactInvited::email)
                            .containsExactlyInAnyOrder("[erased]", "bob@x.test")));
        }
    }

    @Nested
    @DisplayName("retention")
    class Retention {

        @Test
        @DisplayName("a campaign that is not completed has no retention period")
        void notCompleted() {
            fixture.given(created())
                    .andGivenCurrentTime(DUE.plus(Duration.ofDays(400)))
                    .when(retention())
                    .expectException(violation(Rule.CAMPAIGN_NOT_COMPLETED))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("nothing happens more than 30 days before the period runs out")
        void tooEarly() {
            fixture.given(created(), new CampaignCompleted(ORG, CAMPAIGN))
                    .andGivenCurrentTime(DUE.minus(Duration.ofDays(31)))
                    .when(retention())
                    .expectResultMessagePayload(new RetentionOutcome(RetentionOutcome.Step.NOTHING_DUE, null, DUE))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("within 30 days: the 30-day warning, announcing the end of the period")
        void thirtyDays() {
            fixture.given(created(), new CampaignCompleted(ORG, CAMPAIGN))
                    .andGivenCurrentTime(DUE.minus(Duration.ofDays(29)))
                    .when(retention())
                    .expectResultMessagePayload(new RetentionOutcome(RetentionOutcome.Step.WARNED,
                            RetentionWarning.THIRTY_DAYS, DUE))
                    .expectEvents(warning(RetentionWarning.THIRTY_DAYS, DUE));
        }

        @Test
        @DisplayName("the 30-day warning is recorded once")
        void thirtyDaysOnce() {
            fixture.given(created(), new CampaignCompleted(ORG, CAMPAIGN))
                    .andGiven(warning(RetentionWarning.THIRTY_DAYS, DUE))
                    .andGivenCurrentTime(DUE.minus(Duration.ofDays(22)))
                    .when(retention())
                    .expectResultMessagePayload(new RetentionOutcome(RetentionOutcome.Step.NOTHING_DUE, null, DUE))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("within 7 days: the 7-day warning")
        void sevenDays() {
            fixture.given(created(), new CampaignCompleted(ORG, CAMPAIGN))
                    .andGiven(warning(RetentionWarning.THIRTY_DAYS, DUE))
                    .andGivenCurrentTime(DUE.minus(Duration.ofDays(7)))
                    .when(retention())
                    .expectEvents(warning(RetentionWarning.SEVEN_DAYS, DUE));
        }

        @Test
        @DisplayName("the 7-day warning is recorded once; before its date nothing more happens")
        void sevenDaysOnce() {
            fixture.given(created(), new CampaignCompleted(ORG, CAMPAIGN))
                    .andGiven(warning(RetentionWarning.SEVEN_DAYS, DUE))
                    .andGivenCurrentTime(DUE.minus(Duration.ofDays(1)))
                    .when(retention())
                    .expectResultMessagePayload(new RetentionOutcome(RetentionOutcome.Step.NOTHING_DUE, null, DUE))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a campaign seen only after its period ran out is warned first, and erased 7 days later")
        void lateWarning() {
            Instant now = DUE.plus(Duration.ofDays(100));
            fixture.given(created(), new CampaignCompleted(ORG, CAMPAIGN))
                    .andGivenCurrentTime(now)
                    .when(retention())
                    .expectResultMessagePayload(new RetentionOutcome(RetentionOutcome.Step.WARNED,
                            RetentionWarning.SEVEN_DAYS, now.plus(Duration.ofDays(7))))
                    .expectEvents(warning(RetentionWarning.SEVEN_DAYS, now.plus(Duration.ofDays(7))));
        }

        @Test
        @DisplayName("once the period is over and the announced date has passed, the campaign is erased")
        void erases() {
            fixture.given(created(), new CampaignCompleted(ORG, CAMPAIGN))
                    .andGiven(warning(RetentionWarning.THIRTY_DAYS, DUE), warning(RetentionWarning.SEVEN_DAYS, DUE))
                    .andGivenCurrentTime(DUE)
                    .when(retention())
                    .expectResultMessagePayload(new RetentionOutcome(RetentionOutcome.Step.ERASED, null, DUE))
                    .expectEvents(new CampaignErased(ORG, CAMPAIGN, ErasureReason.RETENTION_EXPIRED));
        }

        @Test
        @DisplayName("never before the date the 7-day warning announced, even when the period is over")
        void waitsForAnnouncedDate() {
            Instant announced = DUE.plus(Duration.ofDays(10));
            fixture.given(created(), new CampaignCompleted(ORG, CAMPAIGN))
                    .andGiven(warning(RetentionWarning.SEVEN_DAYS, announced))
                    .andGivenCurrentTime(DUE.plus(Duration.ofDays(5)))
                    .when(retention())
                    .expectNoEvents()
                    .expectResultMessagePayload(new RetentionOutcome(RetentionOutcome.Step.NOTHING_DUE, null,
                            announced));
        }

        @Test
        @DisplayName("the period counts from completion in calendar months")
        void calendarMonths() {
            // March has 31 days: one month after 1 March is 1 April, not 31 March
            fixture.given(created(), new CampaignCompleted(ORG, CAMPAIGN))
                    .andGivenCurrentTime(Instant.parse("2030-03-25T09:00:00Z"))
                    .when(new ApplyRetention(CAMPAIGN, ORG, Period.ofMonths(1)))
                    .expectEvents(warning(RetentionWarning.SEVEN_DAYS, Instant.parse("2030-04-01T09:00:00Z")));
        }

        @Test
        @DisplayName("a period that is not positive is refused")
        void invalidPeriod() {
            fixture.given(created(), new CampaignCompleted(ORG, CAMPAIGN))
                    .when(new ApplyRetention(CAMPAIGN, ORG, Period.ZERO))
                    .expectException(violation(Rule.RETENTION_INVALID))
                    .expectNoEvents();
        }
    }
}
