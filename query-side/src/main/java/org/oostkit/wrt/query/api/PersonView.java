package org.oostkit.wrt.query.api;

import org.oostkit.wrt.api.campaign.PersonId;

/**
 * A person in the roster: {@code enteredRound} null for seeds, {@code contactedRound} null until asked,
 * {@code setAside} when an admin left them out of the next rounds (issue #17).
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
