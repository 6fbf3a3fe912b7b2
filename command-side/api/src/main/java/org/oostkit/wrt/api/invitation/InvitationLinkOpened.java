package org.oostkit.wrt.api.invitation;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.organisation.OrganisationId;

/** The nominator opened the invitation link for the first time. */
@Revision("1")
public record InvitationLinkOpened(
    OrganisationId organisationId,
    CampaignId campaignId,
    InvitationId invitationId) implements InvitationEvent {
}
