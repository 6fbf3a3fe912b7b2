package org.oostkit.wrt.api.nomination;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.organisation.OrganisationId;

import java.util.List;

/** Commands on the Nomination aggregate. */
public final class NominationCommands {

    private NominationCommands() {
    }

    /** The maximum number of people one submission may name. */
    public static final int MAX_NOMINEES = 50;

    /**
     * Submits (or replaces) the nominator's list for the round of the invitation. Use
     * {@link #of(OrganisationId, InvitationId, List)} to get the right nomination id.
     */
    public record SubmitNominations(@TargetAggregateIdentifier NominationId nominationId,
                                    OrganisationId organisationId,
                                    InvitationId invitationId,
                                    List<NomineeInput> nominees) {

        public static SubmitNominations of(OrganisationId organisationId, InvitationId invitationId,
                                           List<NomineeInput> nominees) {
            return new SubmitNominations(NominationId.forInvitation(invitationId), organisationId, invitationId,
                    nominees);
        }
    }
}
