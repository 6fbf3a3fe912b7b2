package org.oostkit.wrt.api.invitation;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.organisation.OrganisationId;

import java.time.Instant;

/** An email provider reported on the invitation mail; {@code status} is the invitation's delivery status after it. */
@Revision("1")
public record DeliveryRecorded(
    OrganisationId organisationId,
    CampaignId campaignId,
    InvitationId invitationId,
    DeliveryKind kind,
    DeliveryStatus status,
    String provider,
    String providerEventKey,
    Instant occurredAt) implements InvitationEvent {
}
