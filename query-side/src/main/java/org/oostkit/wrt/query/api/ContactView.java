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

    /** The delivery status of an invitation whose mail may or may not have gone out. */
    public static final String UNCERTAIN = "UNCERTAIN";

    /** The reason shown with it. */
    public static final String UNCERTAIN_REASON = "Not sure this mail went out: the sending stopped while it was "
            + "being handed to the mail server.";

    public boolean uncertain() {
        return UNCERTAIN.equals(deliveryStatus);
    }

    public boolean failed() {
        return "FAILED".equals(deliveryStatus);
    }

    public boolean responded() {
        return respondedAt != null;
    }
}
