package org.oostkit.wrt.api.campaign;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.organisation.OrganisationId;

/**
 * The campaign was erased: its data-protection keys are destroyed, so every name, email and reason recorded
 * for it reads as erased from now on, and its read models are removed. Who asked for it travels as the
 * event's {@code actor} metadata ({@code admin:<email>} or {@code system}); when is the event's timestamp.
 * The campaign takes no further commands.
 */
@Revision("1")
public record CampaignErased(
    OrganisationId organisationId,
    CampaignId campaignId,
    ErasureReason reason) implements CampaignEvent {
}
