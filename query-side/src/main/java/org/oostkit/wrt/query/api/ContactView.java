package org.oostkit.wrt.query.api;

import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.invitation.InvitationId;

import java.time.Instant;

/** One invitation and its timeline. */
public record ContactView(InvitationId invitationId,
                          PersonId personId,
                          String name,
                          String email,
                          String deliveryStatus,
                          int nominees,
                          Instant invitedAt,
                          Instant sentAt,
                          Instant failedAt,
                          String failureReason,
                          Instant deliveredAt,
                          Instant openedAt,
                          Instant clickedAt,
                          Instant bouncedAt,
                          Instant spamAt,
                          Instant linkOpenedAt,
                          Instant verifiedAt,
                          Instant respondedAt,
                          Instant remindedAt) {

    public boolean responded() {
        return respondedAt != null;
    }
}
