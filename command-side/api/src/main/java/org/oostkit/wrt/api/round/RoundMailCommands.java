package org.oostkit.wrt.api.round;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oostkit.wrt.api.organisation.OrganisationId;

/** An admin's mail decisions about a whole round (issue #17). */
public final class RoundMailCommands {

    private RoundMailCommands() {
    }

    /** Reminds everyone of the open round who has not answered, now (besides any scheduled reminder). */
    public record RemindNow(@TargetAggregateIdentifier RoundId roundId, OrganisationId organisationId) {
    }
}
