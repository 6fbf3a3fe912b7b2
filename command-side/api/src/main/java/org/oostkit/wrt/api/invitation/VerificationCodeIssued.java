package org.oostkit.wrt.api.invitation;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.organisation.OrganisationId;

import java.time.Instant;

/** A 6-digit code was mailed to the invited address; only its keyed hash is recorded. It can be tried {@code attemptsAllowed} times until {@code expiresAt}. */
@Revision("1")
public record VerificationCodeIssued(
    OrganisationId organisationId,
    CampaignId campaignId,
    InvitationId invitationId,
    String codeHash,
    Instant expiresAt,
    int attemptsAllowed) implements InvitationEvent {
}
