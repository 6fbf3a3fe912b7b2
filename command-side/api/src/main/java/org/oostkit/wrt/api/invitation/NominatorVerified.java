package org.oostkit.wrt.api.invitation;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.organisation.OrganisationId;

/** The nominator proved control of the invited address with the mailed code. */
@Revision("1")
public record NominatorVerified(
    OrganisationId organisationId,
    CampaignId campaignId,
    InvitationId invitationId) implements InvitationEvent {
}
