package org.oostkit.wrt.query.api;

import org.oostkit.wrt.api.campaign.PersonId;

import java.time.Instant;
import java.util.List;

/**
 * A campaign's workshop shortlist: the people chosen (in the order they were chosen), and whether the list was
 * closed as final, when and by whom. Names and notes of erased people read as erased.
 */
public record ShortlistView(List<Entry> entries, Instant closedAt, String closedBy) {

    public ShortlistView {
        entries = List.copyOf(entries);
    }

    public static final ShortlistView EMPTY = new ShortlistView(List.of(), null, null);

    public boolean closed() {
        return closedAt != null;
    }

    public boolean contains(PersonId person) {
        return entries.stream().anyMatch(e -> e.personId().equals(person));
    }

    /** One chosen person: {@code chosenBy} is the actor ("admin:ann@example.org"); {@code note} empty when none. */
    public record Entry(PersonId personId, String name, String email, Instant chosenAt, String chosenBy, String note) {
    }
}
