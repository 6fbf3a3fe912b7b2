package org.oostkit.wrt.api.campaign;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.organisation.OrganisationId;

/** The "you have been selected" mail to a shortlisted person was handed to the mail server. */
@Revision("1")
public record PersonToldOfSelection(
    OrganisationId organisationId,
    CampaignId campaignId,
    PersonId personId,
    String providerMessageId) implements CampaignEvent {
}
