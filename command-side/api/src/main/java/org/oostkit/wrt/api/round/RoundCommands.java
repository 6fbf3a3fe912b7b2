package org.oostkit.wrt.api.round;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oostkit.wrt.api.organisation.OrganisationId;

import java.time.Instant;

/** Commands on the Round aggregate. Rounds are started through the campaign ({@code StartRound}). */
public final class RoundCommands {

    private RoundCommands() {
    }

    /** Closes an open round now. */
    public record CloseRound(@TargetAggregateIdentifier RoundId roundId, OrganisationId organisationId) {
    }

    /** Moves the deadline of an open round later; the auto-close and the reminder move with it. */
    public record ExtendRound(@TargetAggregateIdentifier RoundId roundId,
                              OrganisationId organisationId,
                              Instant newDeadline) {
    }
}
