package org.oostkit.wrt.api.invitation;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.organisation.OrganisationId;

/** A magic-link token was issued; only its keyed hash (HMAC-SHA-256) is recorded. */
@Revision("1")
public record InvitationTokenIssued(
    OrganisationId organisationId,
    CampaignId campaignId,
    InvitationId invitationId,
    String tokenHash) implements InvitationEvent {
}
