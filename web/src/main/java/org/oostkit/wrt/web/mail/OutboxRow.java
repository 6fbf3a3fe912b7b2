package org.oostkit.wrt.web.mail;

import java.time.Instant;
import java.util.UUID;

/** A claimed outbox row with everything its mail says; {@code timeZone} null: the configured default. */
record OutboxRow(UUID invitationId,
                 String purpose,
                 UUID organisationId,
                 UUID campaignId,
                 int attempts,
                 String email,
                 String name,
                 String slug,
                 String organisationName,
                 String campaignName,
                 String invitationText,
                 Instant deadline,
                 String timeZone) {

    @Override
    public String toString() {
        return "OutboxRow[invitation=" + invitationId + ", purpose=" + purpose + ", attempts=" + attempts + "]";
    }
}
