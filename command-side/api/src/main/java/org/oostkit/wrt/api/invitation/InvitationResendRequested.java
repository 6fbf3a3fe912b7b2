package org.oostkit.wrt.api.invitation;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RoundId;

/**
 * An admin decided to send the invitation mail again, with a fresh link, because the first one failed or
 * may not have arrived; who decided it is the event's {@code actor}.
 */
@Revision("1")
public record InvitationResendRequested(
    OrganisationId organisationId,
    CampaignId campaignId,
    RoundId roundId,
    InvitationId invitationId) implements InvitationEvent {
}
