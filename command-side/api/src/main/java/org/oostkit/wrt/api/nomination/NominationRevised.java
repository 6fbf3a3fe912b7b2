package org.oostkit.wrt.api.nomination;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.common.EncryptionScope;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RoundId;

import java.util.List;

/** A nominator replaced their list while the round was open; {@code nominees} is the whole new list. */
@Revision("1")
public record NominationRevised(
    OrganisationId organisationId,
    @EncryptionScope CampaignId campaignId,
    RoundId roundId,
    int roundNumber,
    NominationId nominationId,
    InvitationId invitationId,
    PersonId nominatorId,
    List<Nominee> nominees) {
}
