package org.oostkit.wrt.query.api;

import org.oostkit.wrt.api.campaign.PersonId;

/**
 * A person in the roster. {@code source} is SEED or NOMINATED; {@code enteredRound} is the round whose
 * nominations brought them in (null for seeds); {@code contactedRound} the round that asked them (null: not
 * yet).
 */
public record PersonView(PersonId personId,
                         String name,
                         String email,
                         String source,
                         Integer enteredRound,
                         Integer contactedRound,
                         int nominations) {
}
