package org.oostkit.wrt.api.round;

import org.oostkit.wrt.api.campaign.CampaignEvent;
import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.organisation.OrganisationId;

/** The reminder time of an open round came: those who have not answered get a reminder. */
@Revision("1")
public record ReminderDue(
    OrganisationId organisationId,
    CampaignId campaignId,
    RoundId roundId,
    int roundNumber) implements CampaignEvent {
}
