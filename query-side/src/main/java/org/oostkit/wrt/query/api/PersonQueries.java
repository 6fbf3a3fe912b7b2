package org.oostkit.wrt.query.api;

import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.organisation.OrganisationId;

/** Queries about one person of a campaign (issue #18). */
public final class PersonQueries {

    private PersonQueries() {
    }

    /** A person's story; answers a {@link PersonStoryView}, or null for a person the campaign does not know. */
    public record FindPersonStory(OrganisationId organisationId, CampaignId campaignId, PersonId personId) {
    }
}
