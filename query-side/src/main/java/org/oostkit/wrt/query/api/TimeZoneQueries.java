package org.oostkit.wrt.query.api;

import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.organisation.OrganisationId;

/** Queries about the zone in which times are stated. */
public final class TimeZoneQueries {

    private TimeZoneQueries() {
    }

    /** The zones of a campaign, or of the organisation alone when {@code campaignId} is null; answers a {@link TimeZoneView}. */
    public record FindTimeZone(OrganisationId organisationId, CampaignId campaignId) {
    }
}
