package org.oostkit.wrt.api.campaign;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.organisation.OrganisationId;

/**
 * The campaign's sender name, reply-to address or contact person changed; who changed it is the event's
 * {@code actor}. These are the organisers' own work details, which they publish to every nominator.
 */
@Revision("1")
public record CampaignSenderChanged(
    OrganisationId organisationId,
    CampaignId campaignId,
    CampaignSender sender) implements CampaignEvent {
}
