package org.oostkit.wrt.api.audit;

import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.organisation.OrganisationId;

/**
 * Walks the hash chains of the event store and reports every broken link. A query, not a command: it only
 * reads (and records nothing), so auditors may run it. Answers an {@link IntegrityReport}; a campaign that
 * is not the organisation's answers {@link org.oostkit.wrt.api.common.NotFound}.
 *
 * @param organisationId with {@code campaignId}: one campaign of this organisation; both null: the whole store
 * @param campaignId     the campaign whose aggregates (campaign, rounds, invitations, nominations) to check
 */
public record VerifyIntegrity(OrganisationId organisationId, CampaignId campaignId) {

    public VerifyIntegrity {
        if ((organisationId == null) != (campaignId == null)) {
            throw new IllegalArgumentException("a campaign scope needs both the organisation and the campaign");
        }
    }

    public static VerifyIntegrity wholeStore() {
        return new VerifyIntegrity(null, null);
    }

    public static VerifyIntegrity campaign(OrganisationId organisationId, CampaignId campaignId) {
        return new VerifyIntegrity(organisationId, campaignId);
    }

    public boolean isWholeStore() {
        return campaignId == null;
    }
}
