package org.oostkit.wrt.api.invitation;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.organisation.OrganisationId;

/**
 * The instance handing a mail of the given purpose to the mail server stopped before it knew the server's
 * answer: the mail may or may not have arrived. It is not sent again by itself; an admin may decide to.
 */
@Revision("1")
public record MailOutcomeUncertain(
    OrganisationId organisationId,
    CampaignId campaignId,
    InvitationId invitationId,
    MailPurpose purpose) implements InvitationEvent {
}
