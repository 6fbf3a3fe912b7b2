package org.oostkit.wrt.api.campaign;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.organisation.OrganisationId;

/** A person set aside was brought back: the next round asks them. */
@Revision("1")
public record PersonBroughtBack(
    OrganisationId organisationId,
    CampaignId campaignId,
    PersonId personId) implements CampaignEvent {
}
