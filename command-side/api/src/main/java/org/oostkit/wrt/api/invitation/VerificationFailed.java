package org.oostkit.wrt.api.invitation;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.organisation.OrganisationId;

/** A wrong code was entered; {@code attemptsLeft} of zero locks the code. */
@Revision("1")
public record VerificationFailed(
    OrganisationId organisationId,
    CampaignId campaignId,
    InvitationId invitationId,
    int attemptsLeft) implements InvitationEvent {
}
