package org.oostkit.wrt.api.invitation;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.common.DataSubject;
import org.oostkit.wrt.api.common.EncryptionScope;
import org.oostkit.wrt.api.common.PersonalData;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RoundId;

/** A person was invited to nominate in a round; the invitation mail follows. */
@Revision("1")
public record ContactInvited(
    OrganisationId organisationId,
    @EncryptionScope CampaignId campaignId,
    RoundId roundId,
    int roundNumber,
    InvitationId invitationId,
    @DataSubject PersonId personId,
    @PersonalData String name,
    @PersonalData String email) implements InvitationEvent {
}
