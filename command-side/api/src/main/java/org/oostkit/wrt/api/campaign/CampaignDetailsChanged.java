package org.oostkit.wrt.api.campaign;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.organisation.OrganisationId;

/** The campaign's settings were changed. */
@Revision("1")
public record CampaignDetailsChanged(
    OrganisationId organisationId,
    CampaignId campaignId,
    CampaignSettings settings) implements CampaignEvent {
}
