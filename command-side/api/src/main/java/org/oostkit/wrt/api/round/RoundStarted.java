package org.oostkit.wrt.api.round;

import org.oostkit.wrt.api.campaign.CampaignEvent;
import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.organisation.OrganisationId;

import java.time.Instant;

/** A round opened: invitations go out, it closes at the deadline. {@code reminderAt} is null without a reminder. */
@Revision("1")
public record RoundStarted(
    OrganisationId organisationId,
    CampaignId campaignId,
    RoundId roundId,
    int roundNumber,
    Instant deadline,
    Instant reminderAt,
    int invitationCount) implements CampaignEvent {
}
