package org.oostkit.wrt.api.invitation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oostkit.wrt.api.organisation.OrganisationId;

/** An admin's mail decisions about one invitation (issue #17). */
public final class InvitationMailCommands {

    private InvitationMailCommands() {
    }

    /**
     * "Send again" to one person while the round is open, with a new link; earlier links of the round keep
     * working. An invitation whose first mail failed or may not have arrived goes the {@code SendInvitationAgain}
     * way; one still on its way is refused.
     */
    public record ResendInvitation(@TargetAggregateIdentifier InvitationId invitationId,
                                   OrganisationId organisationId) {
    }
}
