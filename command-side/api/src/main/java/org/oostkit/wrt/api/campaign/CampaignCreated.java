package org.oostkit.wrt.api.campaign;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.organisation.OrganisationId;

/** A campaign was created. */
@Revision("1")
public record CampaignCreated(
    OrganisationId organisationId,
    CampaignId campaignId,
    CampaignSettings settings) implements CampaignEvent {
}
