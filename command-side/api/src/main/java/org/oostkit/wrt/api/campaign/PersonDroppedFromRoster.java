package org.oostkit.wrt.api.campaign;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.organisation.OrganisationId;

/**
 * A nominated person not asked yet left the roster because no nominator names them any more (for example an
 * address that was corrected); the next round does not ask them.
 */
@Revision("1")
public record PersonDroppedFromRoster(
    OrganisationId organisationId,
    CampaignId campaignId,
    PersonId personId) implements CampaignEvent {
}
