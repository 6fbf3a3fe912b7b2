package org.oostkit.wrt.api.round;

import org.oostkit.wrt.api.campaign.CampaignEvent;
import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.organisation.OrganisationId;

import java.time.Instant;

/** The deadline of an open round moved later; {@code reminderAt} is the re-planned reminder (null: none). */
@Revision("1")
public record RoundExtended(
    OrganisationId organisationId,
    CampaignId campaignId,
    RoundId roundId,
    int roundNumber,
    Instant previousDeadline,
    Instant deadline,
    Instant reminderAt) implements CampaignEvent {
}
