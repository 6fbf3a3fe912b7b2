package org.oostkit.wrt.query.api;

import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.organisation.OrganisationId;

import java.time.Instant;

/** Queries about the workshop shortlist (issue #18). */
public final class ShortlistQueries {

    private ShortlistQueries() {
    }

    /** The campaign's shortlist now. Answers a {@link ShortlistView}. */
    public record FindShortlist(OrganisationId organisationId, CampaignId campaignId) {
    }

    /**
     * The campaign's shortlist as it stood at an instant, from the events recorded at or before it (to the
     * millisecond, as in {@link AsOfQueries}). Answers a {@link ShortlistView}.
     */
    public record FindShortlistAsOf(OrganisationId organisationId, CampaignId campaignId, Instant at) {
    }
}
