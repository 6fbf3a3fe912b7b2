package org.oostkit.wrt.api.invitation;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.organisation.OrganisationId;

/** A mail of the given purpose could not be sent. */
@Revision("1")
public record MailFailed(
    OrganisationId organisationId,
    CampaignId campaignId,
    InvitationId invitationId,
    MailPurpose purpose,
    String reason,
    boolean permanent) {
}
