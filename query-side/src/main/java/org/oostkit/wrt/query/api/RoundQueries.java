package org.oostkit.wrt.query.api;

import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.organisation.OrganisationId;

/** Queries about rounds and their contacts. */
public final class RoundQueries {

    private RoundQueries() {
    }

    /** The campaign's rounds in order. Answers a list of {@link RoundView}. */
    public record FindRounds(OrganisationId organisationId, CampaignId campaignId) {
    }

    /** One round by number; answers a {@link RoundView} or null. Subscribable for live updates. */
    public record FindRound(OrganisationId organisationId, CampaignId campaignId, int roundNumber) {
    }

    /**
     * The contacts of a round, by name; {@code status} filters by delivery status (or "RESPONDED",
     * "NOT_RESPONDED"); null for all. Answers a list of {@link ContactView}.
     */
    public record FindContacts(OrganisationId organisationId, CampaignId campaignId, int roundNumber,
                               String status) {
    }
}
