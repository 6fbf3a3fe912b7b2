package org.oostkit.wrt.api.invitation;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.organisation.OrganisationId;

/**
 * The code issued with {@code expiresAt} never reached the mail server, so it no longer works and does not
 * count against the codes an invitation may ask for in an hour (an outage must not lock the nominator out).
 */
@Revision("1")
public record VerificationCodeWithdrawn(
    OrganisationId organisationId,
    CampaignId campaignId,
    InvitationId invitationId,
    java.time.Instant expiresAt) implements InvitationEvent {
}
