package org.oostkit.wrt.query.projection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code person}: one person of a campaign, in the roster or only named, with their convergence figures. */
public final class PersonRow implements Row {

    public static final Table<PersonRow> TABLE = new Table<>("person", 2,
            "campaign_id", "person_id", "name", "email", "source", "in_roster", "added_at", "entered_round",
            "contacted_round", "nominator_count", "first_nominated_round", "first_nominated_at", "rounds_named",
            "set_aside", "set_aside_note");

    public final UUID campaignId;
    public final UUID personId;
    public String name;
    public String email;
    public String source;
    public boolean inRoster;
    public Instant addedAt;
    public Integer enteredRound;
    public Integer contactedRound;
    public int nominatorCount;
    public Integer firstNominatedRound;
    public Instant firstNominatedAt;
    /** Sorted, distinct. */
    public int[] roundsNamed = new int[0];
    /** An admin left them out of the next rounds (issue #17), with an optional note; never null. */
    public boolean setAside;
    public String setAsideNote = "";

    public PersonRow(UUID campaignId, UUID personId) {
        this.campaignId = campaignId;
        this.personId = personId;
    }

    PersonRow(UUID campaignId, UUID personId, String name, String email, String source, boolean inRoster,
              Instant addedAt) {
        this(campaignId, personId);
        this.name = name;
        this.email = email;
        this.source = source;
        this.inRoster = inRoster;
        this.addedAt = addedAt;
    }

    @Override
    public List<Object> key() {
        return List.of(campaignId, personId);
    }

    @Override
    public Table<PersonRow> table() {
        return TABLE;
    }

    @Override
    public Object[] values() {
        return new Object[]{campaignId, personId, name, email, source, inRoster, addedAt, enteredRound,
                contactedRound, nominatorCount, firstNominatedRound, firstNominatedAt, roundsNamed, setAside,
                setAsideNote};
    }
}
