package org.oostkit.wrt.api.campaign;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.organisation.OrganisationId;

/** A seed person was removed before being contacted. */
@Revision("1")
public record SeedPersonRemoved(
    OrganisationId organisationId,
    CampaignId campaignId,
    PersonId personId) implements CampaignEvent {
}
