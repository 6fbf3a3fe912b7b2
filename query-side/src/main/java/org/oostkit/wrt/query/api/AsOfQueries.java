package org.oostkit.wrt.query.api;

import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.api.CampaignQueries.CandidateFilter;

import java.time.Instant;

/**
 * Results replayed as they stood at a past instant, "up to" meaning stored at or before it at the store's
 * resolution (a millisecond, truncated), so a moment between two commands is taken from the store's record.
 */
public final class AsOfQueries {

    private AsOfQueries() {
    }

    /**
     * The convergence list at {@code at} (events stored at or before it). Answers a {@link ConvergenceView};
     * a campaign of another organisation, or one not created yet at that instant, answers an empty view.
     */
    public record FindConvergenceAsOf(OrganisationId organisationId, CampaignId campaignId, Instant at,
                                      CandidateFilter filter, int offset, int limit) {
    }

    /** The statistics at {@code at}. Answers a {@link StatisticsView}. */
    public record FindStatisticsAsOf(OrganisationId organisationId, CampaignId campaignId, Instant at) {
    }
}
