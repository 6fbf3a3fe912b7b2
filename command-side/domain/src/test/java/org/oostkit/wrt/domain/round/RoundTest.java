package org.oostkit.wrt.domain.round;

import org.oostkit.wrt.api.common.Rule;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.common.NotFound;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.ReminderDue;
import org.oostkit.wrt.api.round.RoundCloseReason;
import org.oostkit.wrt.api.round.RoundClosed;
import org.oostkit.wrt.api.round.RoundCommands.CloseRound;
import org.oostkit.wrt.api.round.RoundCommands.ExtendRound;
import org.oostkit.wrt.api.round.RoundDeadlinesScheduled;
import org.oostkit.wrt.api.round.RoundExtended;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.api.round.RoundStarted;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oostkit.wrt.domain.testing.FixtureSupport.T0;
import static org.oostkit.wrt.domain.testing.FixtureSupport.deadlineManagerOf;
import static org.oostkit.wrt.domain.testing.FixtureSupport.fixtureClock;
import static org.oostkit.wrt.domain.testing.FixtureSupport.payloads;
import static org.oostkit.wrt.domain.testing.FixtureSupport.violation;

/**
 * Rounds are opened by the campaign ({@code new Round(RoundStarted, DeadlineManager)}). Given a round as events,
 * the fixture's deadline manager does not know its schedules, so {@link #scheduled} puts them there the way the
 * constructor does, and records them as the constructor's {@link RoundDeadlinesScheduled} event.
 */
@DisplayName("Round")
class RoundTest {

    private static final OrganisationId ORG = OrganisationId.random();
    private static final OrganisationId OTHER_ORG = OrganisationId.random();
    private static final CampaignId CAMPAIGN = CampaignId.random();
    private static final RoundId ROUND = RoundId.random();
    private static final Instant DEADLINE = T0.plus(Duration.ofDays(7));
    private static final Duration REMINDER_LEAD = Duration.ofDays(2);
    private static final Instant REMINDER_AT = DEADLINE.minus(REMINDER_LEAD);
    private static final Instant NEW_DEADLINE = DEADLINE.plus(Duration.ofDays(5));
    private static final Instant NEW_REMINDER_AT = NEW_DEADLINE.minus(REMINDER_LEAD);

    private AggregateTestFixture<Round> fixture;
    private DeadlineManager deadlines;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Round.class);
        fixture.registerInjectableResource(fixtureClock(fixture));
        deadlines = deadlineManagerOf(fixture);
        fixture.givenCurrentTime(T0);
    }

    private static RoundStarted started(boolean withReminder) {
        return new RoundStarted(ORG, CAMPAIGN, ROUND, 1, DEADLINE, withReminder ? REMINDER_AT : null, 3);
    }

    /** Schedules the round's deadlines in the fixture, as the round does, and answers the matching event. */
    private RoundDeadlinesScheduled scheduled(Instant closeAt, Instant remindAt) {
        ScopeDescriptor round = new AggregateScopeDescriptor(Round.class.getSimpleName(), ROUND);
        String closeId = deadlines.schedule(closeAt, Round.AUTO_CLOSE, new RoundDeadline(closeAt), round);
        String remindId = remindAt == null ? null
                : deadlines.schedule(remindAt, Round.REMINDER, new RoundDeadline(remindAt), round);
        return new RoundDeadlinesScheduled(ORG, ROUND, closeId, remindId);
    }

    private static RoundClosed closed(RoundCloseReason reason) {
        return new RoundClosed(ORG, CAMPAIGN, ROUND, 1, reason);
    }

    @Nested
    @DisplayName("opening")
    class Opening {

        @Test
        @DisplayName("records the round and the ids of its schedules, under the round's id")
        void recordsSchedulesUnderRoundId() {
            RoundStarted started = started(true);

            fixture.givenNoPriorActivity()
                    .whenConstructing(() -> new Round(started, deadlines))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(payloads(events -> {
                        assertThat(events).hasSize(2);
                        assertThat(events.get(0)).isEqualTo(started);
                        assertThat(events.get(1)).isInstanceOfSatisfying(RoundDeadlinesScheduled.class, s -> {
                            assertThat(s.autoCloseId()).isNotBlank();
                            assertThat(s.reminderId()).isNotBlank();
                            assertThat(s.roundId()).as("RoundDeadlinesScheduled.roundId").isEqualTo(ROUND);
                        });
                    }));
        }

        @Test
        @DisplayName("schedules the auto-close at the deadline and the reminder at its time")
        void schedules() {
            RoundStarted started = started(true);

            fixture.givenNoPriorActivity()
                    .whenConstructing(() -> new Round(started, deadlines))
                    .expectScheduledDeadline(DEADLINE, new RoundDeadline(DEADLINE))
                    .expectScheduledDeadlineWithName(DEADLINE, Round.AUTO_CLOSE)
                    .expectScheduledDeadline(REMINDER_AT, new RoundDeadline(REMINDER_AT))
                    .expectScheduledDeadlineWithName(REMINDER_AT, Round.REMINDER);
        }

        @Test
        @DisplayName("without a reminder schedules only the auto-close")
        void withoutReminder() {
            RoundStarted started = started(false);

            fixture.givenNoPriorActivity()
                    .whenConstructing(() -> new Round(started, deadlines))
                    .expectScheduledDeadlineWithName(DEADLINE, Round.AUTO_CLOSE)
                    .expectNoScheduledDeadlineWithName(T0, DEADLINE, Round.REMINDER)
                    .expectEventsMatching(payloads(events -> assertThat(events.get(1))
                            .isInstanceOfSatisfying(RoundDeadlinesScheduled.class,
                                    s -> assertThat(s.reminderId()).isNull())));
        }
    }

    @Nested
    @DisplayName("closing")
    class Closing {

        @Test
        @DisplayName("an open round closes and its deadlines are cancelled")
        void closes() {
            fixture.given(started(true), scheduled(DEADLINE, REMINDER_AT))
                    .when(new CloseRound(ROUND, ORG))
                    .expectEvents(closed(RoundCloseReason.CLOSED_BY_ADMIN))
                    .expectNoScheduledDeadlines();
        }

        @Test
        @DisplayName("a closed round cannot be closed again")
        void alreadyClosed() {
            fixture.given(started(false), scheduled(DEADLINE, null), closed(RoundCloseReason.DEADLINE_PASSED))
                    .when(new CloseRound(ROUND, ORG))
                    .expectException(violation(Rule.ROUND_CLOSED, "rule.round-closed", 1))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("another organisation's round is not found")
        void otherTenant() {
            fixture.given(started(true), scheduled(DEADLINE, REMINDER_AT))
                    .when(new CloseRound(ROUND, OTHER_ORG))
                    .expectException(NotFound.class)
                    .expectNoEvents()
                    .expectScheduledDeadlineWithName(DEADLINE, Round.AUTO_CLOSE);
        }
    }

    @Nested
    @DisplayName("extending")
    class Extending {

        @Test
        @DisplayName("moves the deadline later, re-plans the reminder with the same lead and re-schedules both")
        void extends_() {
            RoundDeadlinesScheduled original = scheduled(DEADLINE, REMINDER_AT);

            fixture.given(started(true), original)
                    .when(new ExtendRound(ROUND, ORG, NEW_DEADLINE))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(payloads(events -> {
                        assertThat(events).hasSize(2);
                        assertThat(events.get(0)).isEqualTo(new RoundExtended(ORG, CAMPAIGN, ROUND, 1, DEADLINE,
                                NEW_DEADLINE, NEW_REMINDER_AT));
                        assertThat(events.get(1)).isInstanceOfSatisfying(RoundDeadlinesScheduled.class, s -> {
                            assertThat(s.roundId()).isEqualTo(ROUND);
                            assertThat(s.autoCloseId()).isNotBlank().isNotEqualTo(original.autoCloseId());
                            assertThat(s.reminderId()).isNotBlank().isNotEqualTo(original.reminderId());
                        });
                    }))
                    .expectScheduledDeadline(NEW_DEADLINE, new RoundDeadline(NEW_DEADLINE))
                    .expectScheduledDeadlineWithName(NEW_DEADLINE, Round.AUTO_CLOSE)
                    .expectScheduledDeadline(NEW_REMINDER_AT, new RoundDeadline(NEW_REMINDER_AT))
                    .expectScheduledDeadlineWithName(NEW_REMINDER_AT, Round.REMINDER)
                    .expectNoScheduledDeadlineWithName(DEADLINE, Round.AUTO_CLOSE)
                    .expectNoScheduledDeadlineWithName(REMINDER_AT, Round.REMINDER);
        }

        @Test
        @DisplayName("a round without a reminder stays without one")
        void withoutReminder() {
            fixture.given(started(false), scheduled(DEADLINE, null))
                    .when(new ExtendRound(ROUND, ORG, NEW_DEADLINE))
                    .expectEventsMatching(payloads(events -> assertThat(events.get(0)).isEqualTo(
                            new RoundExtended(ORG, CAMPAIGN, ROUND, 1, DEADLINE, NEW_DEADLINE, null))))
                    .expectScheduledDeadlineWithName(NEW_DEADLINE, Round.AUTO_CLOSE)
                    .expectNoScheduledDeadlineWithName(T0, NEW_DEADLINE, Round.REMINDER);
        }

        @Test
        @DisplayName("after the reminder went out, no new reminder is planned")
        void reminderAlreadySent() {
            fixture.given(started(true), scheduled(DEADLINE, REMINDER_AT), new ReminderDue(ORG, CAMPAIGN, ROUND, 1))
                    .when(new ExtendRound(ROUND, ORG, NEW_DEADLINE))
                    .expectEventsMatching(payloads(events -> assertThat(events.get(0)).isEqualTo(
                            new RoundExtended(ORG, CAMPAIGN, ROUND, 1, DEADLINE, NEW_DEADLINE, null))))
                    .expectScheduledDeadlineWithName(NEW_DEADLINE, Round.AUTO_CLOSE)
                    .expectNoScheduledDeadlineWithName(T0, NEW_DEADLINE, Round.REMINDER);
        }

        @ParameterizedTest(name = "{0} seconds from the current deadline is refused")
        @ValueSource(longs = {0, -1, -86_400})
        @DisplayName("the deadline can only move later")
        void notLater(long seconds) {
            fixture.given(started(true), scheduled(DEADLINE, REMINDER_AT))
                    .when(new ExtendRound(ROUND, ORG, DEADLINE.plusSeconds(seconds)))
                    .expectException(violation(Rule.DEADLINE_NOT_LATER))
                    .expectNoEvents()
                    .expectScheduledDeadline(DEADLINE, new RoundDeadline(DEADLINE))
                    .expectScheduledDeadline(REMINDER_AT, new RoundDeadline(REMINDER_AT));
        }

        @Test
        @DisplayName("an extension needs a deadline")
        void missingDeadline() {
            fixture.given(started(true), scheduled(DEADLINE, REMINDER_AT))
                    .when(new ExtendRound(ROUND, ORG, null))
                    .expectException(violation(Rule.DEADLINE_NOT_LATER));
        }

        @Test
        @DisplayName("the deadline can move at most a year ahead of now")
        void tooFar() {
            fixture.given(started(true), scheduled(DEADLINE, REMINDER_AT))
                    .when(new ExtendRound(ROUND, ORG, T0.plus(Round.MAX_LENGTH).plusSeconds(1)))
                    .expectException(violation(Rule.DEADLINE_TOO_FAR))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a deadline exactly a year ahead of now is accepted")
        void aYearAhead() {
            fixture.given(started(true), scheduled(DEADLINE, REMINDER_AT))
                    .when(new ExtendRound(ROUND, ORG, T0.plus(Round.MAX_LENGTH)))
                    .expectSuccessfulHandlerExecution()
                    .expectScheduledDeadlineWithName(T0.plus(Round.MAX_LENGTH), Round.AUTO_CLOSE);
        }

        @Test
        @DisplayName("a closed round cannot be extended")
        void closedRound() {
            fixture.given(started(true), scheduled(DEADLINE, REMINDER_AT), closed(RoundCloseReason.CLOSED_BY_ADMIN))
                    .when(new ExtendRound(ROUND, ORG, NEW_DEADLINE))
                    .expectException(violation(Rule.ROUND_CLOSED))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("another organisation's round is not found")
        void otherTenant() {
            fixture.given(started(true), scheduled(DEADLINE, REMINDER_AT))
                    .when(new ExtendRound(ROUND, OTHER_ORG, NEW_DEADLINE))
                    .expectException(violation(Rule.NOT_FOUND))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("deadlines")
    class Deadlines {

        @Test
        @DisplayName("the round closes itself when its deadline passes")
        void autoClose() {
            fixture.given(started(false), scheduled(DEADLINE, null))
                    .whenThenTimeAdvancesTo(DEADLINE)
                    .expectTriggeredDeadlinesWithName(Round.AUTO_CLOSE)
                    .expectEvents(closed(RoundCloseReason.DEADLINE_PASSED));
        }

        @Test
        @DisplayName("nothing happens before the deadline")
        void beforeDeadline() {
            fixture.given(started(false), scheduled(DEADLINE, null))
                    .whenTimeElapses(Duration.between(T0, DEADLINE).minusSeconds(1))
                    .expectNoEvents()
                    .expectScheduledDeadlineWithName(DEADLINE, Round.AUTO_CLOSE);
        }

        @Test
        @DisplayName("the reminder comes due at its time")
        void reminder() {
            fixture.given(started(true), scheduled(DEADLINE, REMINDER_AT))
                    .whenThenTimeAdvancesTo(REMINDER_AT)
                    .expectTriggeredDeadlinesWithName(Round.REMINDER)
                    .expectEvents(new ReminderDue(ORG, CAMPAIGN, ROUND, 1));
        }

        @Test
        @DisplayName("over the whole round: first the reminder, then the close")
        void wholeRound() {
            fixture.given(started(true), scheduled(DEADLINE, REMINDER_AT))
                    .whenTimeElapses(Duration.ofDays(30))
                    .expectEvents(new ReminderDue(ORG, CAMPAIGN, ROUND, 1), closed(RoundCloseReason.DEADLINE_PASSED))
                    .expectNoScheduledDeadlines();
        }

        @Test
        @DisplayName("a reminder that went out is not repeated")
        void reminderOnce() {
            fixture.given(started(true), scheduled(DEADLINE, REMINDER_AT), new ReminderDue(ORG, CAMPAIGN, ROUND, 1))
                    .whenThenTimeAdvancesTo(REMINDER_AT)
                    .expectTriggeredDeadlinesWithName(Round.REMINDER)
                    .expectNoEvents();
        }

        @Test
        @DisplayName("after an extension the round closes at the new deadline, not the old one")
        void extendedNotAtOldDeadline() {
            fixture.given(started(true), scheduled(DEADLINE, REMINDER_AT))
                    .andGivenCommands(new ExtendRound(ROUND, ORG, NEW_DEADLINE))
                    .whenThenTimeAdvancesTo(DEADLINE.plus(Duration.ofHours(1)))
                    .expectNoEvents()
                    .expectTriggeredDeadlines();
        }

        @Test
        @DisplayName("after an extension the reminder and the close follow the new deadline")
        void extendedAtNewDeadline() {
            fixture.given(started(true), scheduled(DEADLINE, REMINDER_AT))
                    .andGivenCommands(new ExtendRound(ROUND, ORG, NEW_DEADLINE))
                    .whenThenTimeAdvancesTo(NEW_DEADLINE)
                    .expectTriggeredDeadlines(new RoundDeadline(NEW_REMINDER_AT), new RoundDeadline(NEW_DEADLINE))
                    .expectEvents(new ReminderDue(ORG, CAMPAIGN, ROUND, 1), closed(RoundCloseReason.DEADLINE_PASSED));
        }

        @Test
        @DisplayName("a stale schedule (planned for a deadline the round no longer has) does nothing")
        void staleSchedule() {
            RoundDeadlinesScheduled original = scheduled(DEADLINE, REMINDER_AT);
            // the round was extended, but the cancellation of the original schedules was lost
            RoundDeadlinesScheduled current = scheduled(NEW_DEADLINE, NEW_REMINDER_AT);

            fixture.given(started(true), original,
                            new RoundExtended(ORG, CAMPAIGN, ROUND, 1, DEADLINE, NEW_DEADLINE, NEW_REMINDER_AT), current)
                    .whenThenTimeAdvancesTo(DEADLINE.plusSeconds(60))
                    .expectTriggeredDeadlines(new RoundDeadline(REMINDER_AT), new RoundDeadline(DEADLINE))
                    .expectNoEvents()
                    .expectScheduledDeadline(NEW_DEADLINE, new RoundDeadline(NEW_DEADLINE));
        }

        @Test
        @DisplayName("a closed round ignores its deadlines")
        void closedIgnoresDeadlines() {
            // closed by the admin, but the cancellation of the schedules was lost
            fixture.given(started(true), scheduled(DEADLINE, REMINDER_AT), closed(RoundCloseReason.CLOSED_BY_ADMIN))
                    .whenThenTimeAdvancesTo(DEADLINE)
                    .expectTriggeredDeadlines(new RoundDeadline(REMINDER_AT), new RoundDeadline(DEADLINE))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("remind now (issue #17)")
    class RemindNowTests {

        @Test
        @DisplayName("an open round records the decision, as often as it is taken")
        void remindsNow() {
            fixture.given(started(false), new org.oostkit.wrt.api.round.RemindNowRequested(ORG, CAMPAIGN, ROUND, 1))
                    .when(new org.oostkit.wrt.api.round.RoundMailCommands.RemindNow(ROUND, ORG))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new org.oostkit.wrt.api.round.RemindNowRequested(ORG, CAMPAIGN, ROUND, 1));
        }

        @Test
        @DisplayName("a closed round reminds nobody; another organisation's admin finds no round")
        void refused() {
            fixture.given(started(false), closed(RoundCloseReason.CLOSED_BY_ADMIN))
                    .when(new org.oostkit.wrt.api.round.RoundMailCommands.RemindNow(ROUND, ORG))
                    .expectException(violation(Rule.ROUND_CLOSED))
                    .expectNoEvents();
            fixture.given(started(false))
                    .when(new org.oostkit.wrt.api.round.RoundMailCommands.RemindNow(ROUND, OTHER_ORG))
                    .expectException(org.oostkit.wrt.api.common.NotFound.class);
        }
    }
}
