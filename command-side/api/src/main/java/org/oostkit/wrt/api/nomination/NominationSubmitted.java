package org.oostkit.wrt.api.nomination;

import org.oostkit.wrt.api.invitation.InvitationEvent;
import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.common.EncryptionScope;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RoundId;

import java.util.List;

/**
 * A nominator answered for the first time in this round: the people they name, or ({@code noOneToSuggest},
 * with an empty list) the explicit answer that they have no one to suggest. Revision 2 added
 * {@code noOneToSuggest}; a revision 1 event reads as false (an empty list then was no real answer).
 */
@Revision("2")
public record NominationSubmitted(
    OrganisationId organisationId,
    @EncryptionScope CampaignId campaignId,
    RoundId roundId,
    int roundNumber,
    NominationId nominationId,
    InvitationId invitationId,
    PersonId nominatorId,
    List<Nominee> nominees,
    boolean noOneToSuggest) implements InvitationEvent {

    /** A list of people (not the "no one to suggest" answer). */
    public NominationSubmitted(OrganisationId organisationId, CampaignId campaignId, RoundId roundId, int roundNumber,
            NominationId nominationId, InvitationId invitationId, PersonId nominatorId, List<Nominee> nominees) {
        this(organisationId, campaignId, roundId, roundNumber, nominationId, invitationId, nominatorId, nominees,
                false);
    }

    /** Whether this is a real answer: people named, or explicitly no one (an empty list of old was not). */
    public boolean answered() {
        return noOneToSuggest || !nominees.isEmpty();
    }
}
