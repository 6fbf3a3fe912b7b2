package org.oostkit.wrt.query.api;

import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.organisation.OrganisationId;

import org.oostkit.wrt.api.campaign.PersonId;

import java.time.Instant;
import java.util.List;

/** Queries about campaigns: lists, detail, roster, convergence, statistics and the referral graph. */
public final class CampaignQueries {

    private CampaignQueries() {
    }

    /** The organisation's campaigns, newest first. Answers a list of {@link CampaignView}. */
    public record FindCampaigns(OrganisationId organisationId) {
    }

    /** One campaign; answers a {@link CampaignView} or null. Subscribable for live updates. */
    public record FindCampaign(OrganisationId organisationId, CampaignId campaignId) {
    }

    /** Everyone in the roster, and who the next round would contact. Answers a {@link RosterView}. */
    public record FindRoster(OrganisationId organisationId, CampaignId campaignId) {
    }

    /** People ranked by distinct nominators (ties by name), a page at a time; answers a {@link ConvergenceView}. */
    public record FindConvergence(OrganisationId organisationId, CampaignId campaignId, CandidateFilter filter,
                                  int offset, int limit) {

        public static final int MAX_LIMIT = 1_000;

        public static FindConvergence firstPage(OrganisationId organisationId, CampaignId campaignId,
                                                CandidateFilter filter) {
            return new FindConvergence(organisationId, campaignId, filter, 0, 100);
        }
    }

    /** The campaign's statistics. Answers a {@link StatisticsView}. */
    public record FindStatistics(OrganisationId organisationId, CampaignId campaignId) {
    }

    /** Who nominated whom. Answers a {@link ReferralGraphView}. */
    public record FindReferralGraph(OrganisationId organisationId, CampaignId campaignId) {
    }

    /**
     * Who named the given people (a page: at most {@link #MAX_PEOPLE}) and why, at most {@link #PER_PERSON}
     * nominations each, earliest rounds first; answers a {@link ReasonsView}.
     */
    public record FindReasons(OrganisationId organisationId, CampaignId campaignId, List<PersonId> nomineeIds) {

        public static final int MAX_PEOPLE = FindConvergence.MAX_LIMIT;
        /** A page stays light for a person named by hundreds; the CSV and the PDF list every reason. */
        public static final int PER_PERSON = 20;

        public FindReasons {
            nomineeIds = List.copyOf(nomineeIds);
        }
    }

    /**
     * The nominations of one round with their reasons, for the first {@link #MAX_NOMINATORS} nominators by name;
     * answers a {@link ReasonsView} saying how many were left out.
     */
    public record FindRoundReasons(OrganisationId organisationId, CampaignId campaignId, int roundNumber) {

        /** A page stays light in a round of thousands; the results page and the exports have every reason. */
        public static final int MAX_NOMINATORS = 200;
    }

    /**
     * Which candidates to show or export.
     *
     * @param aboveThresholdOnly only people named by at least the campaign's threshold of nominators
     * @param nominatedOnly      only people named at least once (seeds never named are left out)
     * @param round              only people named in this round (null: any)
     * @param from               only people named at or after this moment (null: any)
     * @param to                 only people named before this moment (null: any)
     */
    public record CandidateFilter(boolean aboveThresholdOnly, boolean nominatedOnly, Integer round, Instant from,
                                  Instant to) {

        public static final CandidateFilter ALL = new CandidateFilter(false, false, null, null, null);
    }
}
