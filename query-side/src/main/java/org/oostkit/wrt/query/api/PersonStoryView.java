package org.oostkit.wrt.query.api;

import org.oostkit.wrt.api.campaign.PersonId;

import java.time.Instant;
import java.util.List;

/**
 * One person's story in a campaign: who named them (round and reason), whom they named, whether and when
 * they were asked and answered, and their place in the ranking. {@code rank} is null for someone nobody
 * named who is no longer in the roster; {@code erased} when their data was erased (names read as erased,
 * every count stays).
 */
public record PersonStoryView(PersonId personId, String name, String email, String source, boolean inRoster,
                              Integer enteredRound, Integer contactedRound, Instant invitedAt, Instant respondedAt,
                              int nominations, Integer rank, int ranked, int threshold, List<ReasonView> namedBy,
                              List<ReasonView> named, boolean erased) {

    public PersonStoryView {
        namedBy = List.copyOf(namedBy);
        named = List.copyOf(named);
    }

    public boolean aboveThreshold() {
        return nominations >= threshold;
    }
}
