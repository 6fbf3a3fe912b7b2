package org.oostkit.wrt.api.invitation;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RoundId;

/**
 * An admin decided to send a delivered invitation again, with a new link (the person lost it, or asks for it);
 * who decided it is the event's {@code actor}. The mail goes out with purpose {@link MailPurpose#RESEND}.
 */
@Revision("1")
public record InvitationRepeatRequested(
    OrganisationId organisationId,
    CampaignId campaignId,
    RoundId roundId,
    InvitationId invitationId) implements InvitationEvent {
}
