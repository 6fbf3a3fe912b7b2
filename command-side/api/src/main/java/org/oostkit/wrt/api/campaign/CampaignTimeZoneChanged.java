package org.oostkit.wrt.api.campaign;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.organisation.OrganisationId;

/**
 * The campaign's own time zone was set, changed or dropped: {@code timeZone} is an IANA id such as
 * {@code America/New_York}, or null when the campaign follows its organisation's zone again.
 */
@Revision("1")
public record CampaignTimeZoneChanged(
    OrganisationId organisationId,
    CampaignId campaignId,
    String timeZone) implements CampaignEvent {
}
