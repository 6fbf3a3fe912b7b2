package org.oostkit.wrt.query.api;

import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.organisation.OrganisationId;

import java.time.Instant;

/** What the retention job needs to know. */
public final class RetentionQueries {

    private RetentionQueries() {
    }

    /** Every organisation's campaigns completed before the moment, oldest first ({@link CompletedCampaign}). */
    public record FindCampaignsCompletedBefore(Instant before) {
    }

    /** A completed campaign, with what a retention warning mail names. */
    public record CompletedCampaign(OrganisationId organisationId,
                                    String organisationSlug,
                                    String organisationName,
                                    CampaignId campaignId,
                                    String campaignName,
                                    Instant completedAt) {
    }
}
