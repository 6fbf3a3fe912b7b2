package org.oostkit.wrt.api.campaign;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.organisation.OrganisationId;

/**
 * One person's data was erased from the campaign (right to erasure): their key is destroyed, so their name,
 * email and the reasons given for naming them read as erased everywhere. The person stays a counted member
 * of the roster and of the referral graph, under their opaque id. The actor metadata says who asked.
 */
@Revision("1")
public record PersonErased(
    OrganisationId organisationId,
    CampaignId campaignId,
    PersonId personId) implements CampaignEvent {
}
