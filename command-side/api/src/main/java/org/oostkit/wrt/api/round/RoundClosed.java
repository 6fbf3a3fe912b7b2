package org.oostkit.wrt.api.round;

import org.oostkit.wrt.api.campaign.CampaignEvent;
import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.organisation.OrganisationId;

/** The round closed; no nominations are accepted for it any more. */
@Revision("1")
public record RoundClosed(
    OrganisationId organisationId,
    CampaignId campaignId,
    RoundId roundId,
    int roundNumber,
    RoundCloseReason reason) implements CampaignEvent {
}
