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
     * Submits (or replaces) the nominator's answer for the round of the invitation: a list of people, or
     * ({@code noOneToSuggest}) the explicit answer that they have no one to suggest. An empty list without
     * that answer is refused, so an accidental empty save never counts as an answer. Use
     * {@link #of(OrganisationId, InvitationId, List)} or {@link #noOneToSuggest(OrganisationId, InvitationId)}
     * to get the right nomination id.
     */
    public record SubmitNominations(@TargetAggregateIdentifier NominationId nominationId,
                                    OrganisationId organisationId,
                                    InvitationId invitationId,
                                    List<NomineeInput> nominees,
                                    boolean noOneToSuggest) {

        public SubmitNominations(NominationId nominationId, OrganisationId organisationId, InvitationId invitationId,
                                 List<NomineeInput> nominees) {
            this(nominationId, organisationId, invitationId, nominees, false);
        }

        public static SubmitNominations of(OrganisationId organisationId, InvitationId invitationId,
                                           List<NomineeInput> nominees) {
            return new SubmitNominations(NominationId.forInvitation(invitationId), organisationId, invitationId,
                    nominees, false);
        }

        public static SubmitNominations noOneToSuggest(OrganisationId organisationId, InvitationId invitationId) {
            return new SubmitNominations(NominationId.forInvitation(invitationId), organisationId, invitationId,
                    List.of(), true);
        }
    }
}
