package org.oostkit.wrt.query.api;

import org.oostkit.wrt.api.campaign.PersonId;

/**
 * A person in the roster. {@code source} is SEED or NOMINATED; {@code enteredRound} is the round whose
 * nominations brought them in (null for seeds); {@code contactedRound} the round that asked them (null: not
 * yet); {@code setAside}: an admin left them out of the next rounds, with an optional note (issue #17).
 */
public record PersonView(PersonId personId,
                         String name,
                         String email,
                         String source,
                         Integer enteredRound,
                         Integer contactedRound,
                         int nominations,
                         boolean setAside,
                         String setAsideNote) {

    /** A person not set aside. */
    public PersonView(PersonId personId, String name, String email, String source, Integer enteredRound,
                      Integer contactedRound, int nominations) {
        this(personId, name, email, source, enteredRound, contactedRound, nominations, false, "");
    }
}
