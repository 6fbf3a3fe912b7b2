package org.oostkit.wrt.api.campaign;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.organisation.OrganisationId;

/** The workshop shortlist was closed as final: nobody is added or removed any more. */
@Revision("1")
public record ShortlistClosed(
    OrganisationId organisationId,
    CampaignId campaignId,
    int people) implements CampaignEvent {
}
