package org.oostkit.wrt.domain.round;

import org.oostkit.wrt.api.common.Rule;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.common.NotFound;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RemindNowRequested;
import org.oostkit.wrt.api.round.ReminderDue;
import org.oostkit.wrt.api.round.RoundCloseReason;
import org.oostkit.wrt.api.round.RoundClosed;
import org.oostkit.wrt.api.round.RoundCommands.CloseRound;
import org.oostkit.wrt.api.round.RoundCommands.ExtendRound;
import org.oostkit.wrt.api.round.RoundDeadlinesScheduled;
import org.oostkit.wrt.api.round.RoundExtended;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.api.round.RoundMailCommands.RemindNow;
import org.oostkit.wrt.api.round.RoundStarted;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One round of a campaign. Open until an admin closes it or its deadline passes; the deadline can only move
 * later. Auto-close and reminder are Axon deadlines: scheduled with the round, cancelled by their id and
 * scheduled anew when the round is extended.
 */
@Aggregate
public class Round {

    public static final String AUTO_CLOSE = "round-auto-close";
    public static final String REMINDER = "round-reminder";
    public static final Duration MAX_LENGTH = Duration.ofDays(365);

    @AggregateIdentifier
    private RoundId id;
    private OrganisationId organisationId;
    private CampaignId campaignId;
    private int number;
    private Instant deadline;
    private Instant reminderAt;
    private Duration reminderBeforeDeadline;
    private boolean reminderSent;
    private boolean open;
    private String autoCloseId;
    private String reminderId;

    Round() {
    }

    /**
     * Opens the round; called by the campaign when it starts a round, in the same unit of work.
     */
    public Round(RoundStarted started, DeadlineManager deadlines) {
        apply(started);
        // apply() in a constructor is deferred: the id field is not set yet, so the id is passed on
        scheduleDeadlines(deadlines, started.organisationId(), started.roundId(), started.deadline(),
                started.reminderAt());
    }

    @CommandHandler
    void handle(CloseRound command, DeadlineManager deadlines) {
        requireTenant(command.organisationId());
        if (!open) {
            throw new RuleViolation(Rule.ROUND_CLOSED, "Round " + number + " is already closed.", number);
        }
        cancelDeadlines(deadlines);
        apply(new RoundClosed(organisationId, campaignId, id, number, RoundCloseReason.CLOSED_BY_ADMIN));
    }

    @CommandHandler
    void handle(ExtendRound command, DeadlineManager deadlines, Clock clock) {
        requireTenant(command.organisationId());
        if (!open) {
            throw RuleViolation.variant(Rule.ROUND_CLOSED, "extend", "Round " + number + " is closed; it cannot be "
                    + "extended.",
                    number);
        }
        Instant newDeadline = command.newDeadline();
        if (newDeadline == null || !newDeadline.isAfter(deadline)) {
            throw new RuleViolation(Rule.DEADLINE_NOT_LATER,
                    "The new deadline must be later than the current one (" + deadline + ").", deadline.toString());
        }
        if (newDeadline.isAfter(clock.instant().plus(MAX_LENGTH))) {
            throw new RuleViolation(Rule.DEADLINE_TOO_FAR, "A deadline can be at most a year ahead.");
        }
        Instant newReminder = reminderBeforeDeadline == null || reminderSent
                ? null : newDeadline.minus(reminderBeforeDeadline);
        cancelDeadlines(deadlines);
        apply(new RoundExtended(organisationId, campaignId, id, number, deadline, newDeadline, newReminder));
        scheduleDeadlines(deadlines, organisationId, id, newDeadline, newReminder);
    }

    @DeadlineHandler(deadlineName = AUTO_CLOSE)
    void onAutoClose(RoundDeadline due) {
        if (open && due.due().equals(deadline)) {
            apply(new RoundClosed(organisationId, campaignId, id, number, RoundCloseReason.DEADLINE_PASSED));
        }
    }

    @DeadlineHandler(deadlineName = REMINDER)
    void onReminder(RoundDeadline due) {
        if (open && !reminderSent && due.due().equals(reminderAt)) {
            apply(new ReminderDue(organisationId, campaignId, id, number));
        }
    }

    private static void scheduleDeadlines(DeadlineManager deadlines, OrganisationId organisationId, RoundId roundId,
                                          Instant closeAt, Instant remindAt) {
        String closeId = deadlines.schedule(closeAt, AUTO_CLOSE, new RoundDeadline(closeAt));
        String remindId = remindAt == null ? null : deadlines.schedule(remindAt, REMINDER, new RoundDeadline(remindAt));
        apply(new RoundDeadlinesScheduled(organisationId, roundId, closeId, remindId));
    }

    private void cancelDeadlines(DeadlineManager deadlines) {
        if (autoCloseId != null) {
            deadlines.cancelSchedule(AUTO_CLOSE, autoCloseId);
        }
        if (reminderId != null) {
            deadlines.cancelSchedule(REMINDER, reminderId);
        }
    }

    private void requireTenant(OrganisationId tenant) {
        if (!organisationId.equals(tenant)) {
            throw new NotFound("Round");
        }
    }

    @EventSourcingHandler
    void on(RoundStarted event) {
        id = event.roundId();
        organisationId = event.organisationId();
        campaignId = event.campaignId();
        number = event.roundNumber();
        deadline = event.deadline();
        reminderAt = event.reminderAt();
        reminderBeforeDeadline = reminderAt == null ? null : Duration.between(reminderAt, deadline);
        open = true;
    }

    @EventSourcingHandler
    void on(RoundDeadlinesScheduled event) {
        autoCloseId = event.autoCloseId();
        reminderId = event.reminderId();
    }

    @EventSourcingHandler
    void on(RoundExtended event) {
        deadline = event.deadline();
        reminderAt = event.reminderAt();
    }

    @EventSourcingHandler
    void on(ReminderDue event) {
        reminderSent = true;
    }

    @EventSourcingHandler
    void on(RoundClosed event) {
        open = false;
    }

    // ---- an admin's "remind now" (issue #17) ----

    /** Reminds those of the open round who have not answered, now; as often as an admin decides to. */
    @CommandHandler
    void handle(RemindNow command) {
        requireTenant(command.organisationId());
        if (!open) {
            throw RuleViolation.variant(Rule.ROUND_CLOSED, "remind", "Round " + number + " is closed; nobody is reminded.",
                    number);
        }
        apply(new RemindNowRequested(organisationId, campaignId, id, number));
    }
}
