package org.oostkit.wrt.api.round;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.campaign.CampaignEvent;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.organisation.OrganisationId;

/**
 * An admin decided to remind everyone of the open round who has not answered, now; who decided it is the
 * event's {@code actor}. The mails go out with purpose {@code REMINDER_NOW}, except to suppressed addresses.
 */
@Revision("1")
public record RemindNowRequested(
    OrganisationId organisationId,
    CampaignId campaignId,
    RoundId roundId,
    int roundNumber) implements CampaignEvent {
}
