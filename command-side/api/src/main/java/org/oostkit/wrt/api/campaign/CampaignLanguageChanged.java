package org.oostkit.wrt.api.campaign;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.organisation.OrganisationId;

/**
 * The language the campaign's nominators are addressed in changed: {@code language} is one of
 * {@link CampaignLanguage#SUPPORTED}; who changed it is the event's {@code actor}.
 */
@Revision("1")
public record CampaignLanguageChanged(
    OrganisationId organisationId,
    CampaignId campaignId,
    String language) implements CampaignEvent {
}
