package org.oostkit.wrt.query.api;

import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.api.CampaignQueries.CandidateFilter;

import java.time.Instant;

/**
 * Results as they stood at a past instant: the campaign's events up to that instant are replayed into an
 * in-memory model (the rules of the live projections) and read with the same queries as the live tables.
 * Nothing stored changes. Personal data reads as {@code [erased]} once the campaign's keys are destroyed.
 * <p>
 * "Up to" means recorded at or before the instant, and the store records event times to the millisecond,
 * truncated: an event made just after a clock reading, within the same millisecond, counts as of that reading,
 * so a moment between two commands is taken from the store's record (a shown time, a round's start or close).
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
