package org.oostkit.wrt.query.shortlist;

import org.oostkit.wrt.api.campaign.CampaignErased;
import org.oostkit.wrt.api.campaign.PersonErased;
import org.oostkit.wrt.api.campaign.PersonRemovedFromShortlist;
import org.oostkit.wrt.api.campaign.PersonShortlisted;
import org.oostkit.wrt.api.campaign.ShortlistClosed;
import org.oostkit.wrt.api.common.PersonalData;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The shortlist's rules over typed rows, free of the database: {@link #apply} takes one event (with its
 * time and actor) and changes the rows; the live projection writes the rows an event touched, the as-of view
 * applies a campaign's history up to an instant. Applying an event twice leaves the same rows.
 */
public final class ShortlistRules {

    /** A chosen person. */
    public record Choice(UUID campaign, UUID person, Instant chosenAt, String chosenBy, String note) {
    }

    /** A shortlist closed as final. */
    public record Closed(UUID campaign, Instant closedAt, String closedBy, int people) {
    }

    private final Map<List<UUID>, Choice> choices = new LinkedHashMap<>();
    private final Map<UUID, Closed> closed = new LinkedHashMap<>();

    /** Takes a stored row as the state to apply the next event to (the projection's rows). */
    public void load(Choice choice) {
        choices.put(List.of(choice.campaign(), choice.person()), choice);
    }

    public void load(Closed state) {
        closed.put(state.campaign(), state);
    }

    /** Applies one event; other events change nothing. Returns whether it was a shortlist event. */
    public boolean apply(Object event, Instant at, String actor) {
        String by = actor == null ? "" : actor;
        if (event instanceof PersonShortlisted e) {
            UUID campaign = e.campaignId().value();
            choices.putIfAbsent(List.of(campaign, e.personId().value()), new Choice(campaign, e.personId().value(),
                    at, by, e.note() == null ? "" : e.note()));
            return true;
        } else if (event instanceof PersonRemovedFromShortlist e) {
            choices.remove(List.of(e.campaignId().value(), e.personId().value()));
            return true;
        } else if (event instanceof ShortlistClosed e) {
            closed.putIfAbsent(e.campaignId().value(), new Closed(e.campaignId().value(), at, by, e.people()));
            return true;
        } else if (event instanceof PersonErased e) {
            // the note is about the person: it goes with them, the choice (and so every count) stays
            choices.computeIfPresent(List.of(e.campaignId().value(), e.personId().value()),
                    (key, c) -> new Choice(c.campaign(), c.person(), c.chosenAt(), c.chosenBy(),
                            c.note().isEmpty() ? "" : PersonalData.ERASED));
            return true;
        } else if (event instanceof CampaignErased e) {
            choices.keySet().removeIf(key -> key.get(0).equals(e.campaignId().value()));
            closed.remove(e.campaignId().value());
            return true;
        }
        return false;
    }

    /** The campaign's chosen people, in the order they were chosen. */
    public List<Choice> choices(UUID campaign) {
        List<Choice> list = new ArrayList<>(choices.values().stream().filter(c -> c.campaign().equals(campaign))
                .toList());
        list.sort(Comparator.comparing(Choice::chosenAt).thenComparing(c -> c.person().toString()));
        return list;
    }

    public Optional<Choice> choice(UUID campaign, UUID person) {
        return Optional.ofNullable(choices.get(List.of(campaign, person)));
    }

    public Optional<Closed> closed(UUID campaign) {
        return Optional.ofNullable(closed.get(campaign));
    }
}
