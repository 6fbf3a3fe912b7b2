package org.oostkit.wrt.api.nomination;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.common.EncryptionScope;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RoundId;

import java.util.List;

/** A nominator named people for the first time in this round. */
@Revision("1")
public record NominationSubmitted(
    OrganisationId organisationId,
    @EncryptionScope CampaignId campaignId,
    RoundId roundId,
    int roundNumber,
    NominationId nominationId,
    InvitationId invitationId,
    PersonId nominatorId,
    List<Nominee> nominees) {
}
