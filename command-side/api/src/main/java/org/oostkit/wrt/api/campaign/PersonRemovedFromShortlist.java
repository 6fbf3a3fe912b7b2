package org.oostkit.wrt.api.campaign;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.organisation.OrganisationId;

/** An admin took a person off the workshop shortlist again; the actor metadata says who. */
@Revision("1")
public record PersonRemovedFromShortlist(
    OrganisationId organisationId,
    CampaignId campaignId,
    PersonId personId) implements CampaignEvent {
}
