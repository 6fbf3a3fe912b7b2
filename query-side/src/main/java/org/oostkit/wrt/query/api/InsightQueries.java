package org.oostkit.wrt.query.api;

import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.organisation.OrganisationId;

/** Queries about what the referral network says beyond the ranking (issue #18). */
public final class InsightQueries {

    private InsightQueries() {
    }

    /** The groups of a campaign's referral network and who connects them. Answers a {@link NetworkInsightView}. */
    public record FindNetworkInsight(OrganisationId organisationId, CampaignId campaignId) {
    }
}
