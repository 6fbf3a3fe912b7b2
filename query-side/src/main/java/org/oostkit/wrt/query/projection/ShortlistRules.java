package org.oostkit.wrt.query.projection;

import org.oostkit.wrt.api.campaign.CampaignErased;
import org.oostkit.wrt.api.campaign.PersonErased;
import org.oostkit.wrt.api.campaign.PersonRemovedFromShortlist;
import org.oostkit.wrt.api.campaign.PersonShortlisted;
import org.oostkit.wrt.api.campaign.PersonToldOfSelection;
import org.oostkit.wrt.api.campaign.SelectionMailNotSent;
import org.oostkit.wrt.api.campaign.SelectionMailRequested;
import org.oostkit.wrt.api.campaign.ShortlistClosed;
import org.oostkit.wrt.api.common.PersonalData;
import org.oostkit.wrt.query.api.ShortlistView.SelectionMail.State;

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

    /**
     * A person's selection mail: asked for at {@code askedAt}, then told or not ({@code at} null and
     * {@code reason} empty while it is being sent). It outlives the choice: whoever was asked is never mailed again.
     */
    public record Mail(UUID campaign, UUID person, Instant askedAt, State state, Instant at, String reason) {
    }

    private final Map<List<UUID>, Choice> choices = new LinkedHashMap<>();
    private final Map<UUID, Closed> closed = new LinkedHashMap<>();
    private final Map<List<UUID>, Mail> mails = new LinkedHashMap<>();

    /** Takes a stored row as the state to apply the next event to (the projection's rows). */
    public void load(Choice choice) {
        choices.put(List.of(choice.campaign(), choice.person()), choice);
    }

    public void load(Closed state) {
        closed.put(state.campaign(), state);
    }

    public void load(Mail mail) {
        mails.put(List.of(mail.campaign(), mail.person()), mail);
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
            // the note goes with the person, the choice (and so every count) stays; an empty note too, as the
            // history read again cannot tell an empty note from a written one once the key is gone
            choices.computeIfPresent(List.of(e.campaignId().value(), e.personId().value()),
                    (key, c) -> new Choice(c.campaign(), c.person(), c.chosenAt(), c.chosenBy(), PersonalData.ERASED));
            // why a mail failed may quote the mail server, and with it the address: it goes too, the outcome stays
            mails.computeIfPresent(List.of(e.campaignId().value(), e.personId().value()),
                    (key, m) -> m.reason().isEmpty() ? m : new Mail(m.campaign(), m.person(), m.askedAt(), m.state(),
                            m.at(), PersonalData.ERASED));
            return true;
        } else if (event instanceof SelectionMailRequested e) {
            UUID campaign = e.campaignId().value();
            mails.putIfAbsent(List.of(campaign, e.personId().value()),
                    new Mail(campaign, e.personId().value(), at, State.SENDING, null, ""));
            return true;
        } else if (event instanceof PersonToldOfSelection e) {
            return outcome(e.campaignId().value(), e.personId().value(), State.TOLD, at, "");
        } else if (event instanceof SelectionMailNotSent e) {
            return outcome(e.campaignId().value(), e.personId().value(),
                    e.uncertain() ? State.UNCERTAIN : State.NOT_SENT, at, e.reason() == null ? "" : e.reason());
        } else if (event instanceof CampaignErased e) {
            choices.keySet().removeIf(key -> key.get(0).equals(e.campaignId().value()));
            mails.keySet().removeIf(key -> key.get(0).equals(e.campaignId().value()));
            closed.remove(e.campaignId().value());
            return true;
        }
        return false;
    }

    /** The mail's one outcome: the first recorded stays (the campaign records one per person). */
    private boolean outcome(UUID campaign, UUID person, State state, Instant at, String reason) {
        mails.compute(List.of(campaign, person), (key, mail) -> mail == null
                ? new Mail(campaign, person, at, state, at, reason)
                : mail.state() == State.SENDING ? new Mail(campaign, person, mail.askedAt(), state, at, reason) : mail);
        return true;
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

    /** The campaign's selection mails, in the order they were asked for. */
    public List<Mail> mails(UUID campaign) {
        List<Mail> list = new ArrayList<>(mails.values().stream().filter(m -> m.campaign().equals(campaign))
                .toList());
        list.sort(Comparator.comparing(Mail::askedAt).thenComparing(m -> m.person().toString()));
        return list;
    }

    public Optional<Mail> mail(UUID campaign, UUID person) {
        return Optional.ofNullable(mails.get(List.of(campaign, person)));
    }

    public Optional<Closed> closed(UUID campaign) {
        return Optional.ofNullable(closed.get(campaign));
    }
}
