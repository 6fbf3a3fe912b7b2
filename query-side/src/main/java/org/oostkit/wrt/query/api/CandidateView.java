package org.oostkit.wrt.query.api;

import org.oostkit.wrt.api.campaign.PersonId;

import java.time.Instant;
import java.util.List;

/**
 * A ranked person, {@code nominations} counting distinct nominators; {@code reasons} filled for exports (the
 * ranked page asks for them per page).
 */
public record CandidateView(int rank,
                            PersonId personId,
                            String name,
                            String email,
                            int nominations,
                            boolean aboveThreshold,
                            String source,
                            List<Integer> rounds,
                            Integer contactedRound,
                            Instant firstNominatedAt,
                            List<ReasonView> reasons) {

    public CandidateView {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public CandidateView(int rank, PersonId personId, String name, String email, int nominations,
                         boolean aboveThreshold, String source, List<Integer> rounds, Integer contactedRound,
                         Instant firstNominatedAt) {
        this(rank, personId, name, email, nominations, aboveThreshold, source, rounds, contactedRound,
                firstNominatedAt, List.of());
    }

    public CandidateView withReasons(List<ReasonView> given) {
        return new CandidateView(rank, personId, name, email, nominations, aboveThreshold, source, rounds,
                contactedRound, firstNominatedAt, given);
    }
}
