package org.oostkit.wrt.api.invitation;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.organisation.OrganisationId;

/** A mail of the given purpose was handed to the mail server. */
@Revision("1")
public record MailSent(
    OrganisationId organisationId,
    CampaignId campaignId,
    InvitationId invitationId,
    MailPurpose purpose,
    String providerMessageId) implements InvitationEvent {
}
