package org.oostkit.wrt.query.api;

import org.oostkit.wrt.api.campaign.PersonId;

import java.time.Instant;

/** One person on a nominator's current list, with the reason given (empty when none). */
public record NominationView(PersonId nomineeId,
                             String name,
                             String email,
                             String reason,
                             int roundNumber,
                             Instant nominatedAt) {
}
