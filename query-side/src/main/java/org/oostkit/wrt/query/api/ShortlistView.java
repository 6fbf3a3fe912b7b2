package org.oostkit.wrt.query.api;

import org.oostkit.wrt.api.campaign.PersonId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A campaign's workshop shortlist: the people chosen (in the order they were chosen), whether the list was
 * closed as final, when and by whom, and the selection mail of everyone one was asked for (also of people
 * taken off the list since). Names and notes of erased people read as erased.
 */
public record ShortlistView(List<Entry> entries, Instant closedAt, String closedBy, List<SelectionMail> mails) {

    public ShortlistView {
        entries = List.copyOf(entries);
        mails = List.copyOf(mails);
    }

    /** A shortlist nobody was told about yet. */
    public ShortlistView(List<Entry> entries, Instant closedAt, String closedBy) {
        this(entries, closedAt, closedBy, List.of());
    }

    public static final ShortlistView EMPTY = new ShortlistView(List.of(), null, null);

    public boolean closed() {
        return closedAt != null;
    }

    public boolean contains(PersonId person) {
        return entries.stream().anyMatch(e -> e.personId().equals(person));
    }

    /** The person's selection mail, if one was asked for. */
    public Optional<SelectionMail> mail(PersonId person) {
        return mails.stream().filter(m -> m.personId().equals(person)).findFirst();
    }

    /** Everyone a selection mail was asked for: "Tell the chosen" mails nobody of them again. */
    public Set<PersonId> asked() {
        return mails.stream().map(SelectionMail::personId).collect(Collectors.toUnmodifiableSet());
    }

    /** One chosen person: {@code chosenBy} is the actor ("admin:ann@example.org"); {@code note} empty when none. */
    public record Entry(PersonId personId, String name, String email, Instant chosenAt, String chosenBy, String note) {
    }

    /**
     * The "you have been selected" mail of one person: asked for at {@code askedAt}; {@code at} is when it was
     * handed to the mail server or given up (null while it is being sent); {@code reason} why not (else empty).
     */
    public record SelectionMail(PersonId personId, Instant askedAt, State state, Instant at, String reason) {

        public enum State { SENDING, TOLD, NOT_SENT, UNCERTAIN }

        /** In words, the same on the pages and in the exports: "told on …", "not told: why", … */
        public String told(Function<Instant, String> moment) {
            return switch (state) {
                case TOLD -> "told on " + moment.apply(at);
                case UNCERTAIN -> "mail possibly not delivered";
                case NOT_SENT -> "not told: " + (reason == null || reason.isBlank() ? "the mail failed"
                        : reason.replaceFirst("^not sent: ", ""));
                case SENDING -> "selection mail being sent";
            };
        }
    }
}
