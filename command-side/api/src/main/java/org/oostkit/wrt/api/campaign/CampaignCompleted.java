package org.oostkit.wrt.api.campaign;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.organisation.OrganisationId;

/** The campaign was completed: no further rounds; the retention period starts. */
@Revision("1")
public record CampaignCompleted(
    OrganisationId organisationId,
    CampaignId campaignId) implements CampaignEvent {
}
