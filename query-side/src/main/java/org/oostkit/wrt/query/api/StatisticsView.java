package org.oostkit.wrt.query.api;

import java.util.List;

/**
 * A campaign's statistics.
 *
 * @param newNamesPerRound  how many people each round's nominations brought in for the first time; a
 *                          falling curve means the list saturates
 * @param distribution      how many people were named by 1, 2, 3 … distinct nominators
 * @param chao1             Chao1 estimate of how many relevant people exist in all: observed + f1²/(2·f2),
 *                          with f1 and f2 the people named exactly once and exactly twice
 * @param estimatedUnnamed  the estimate minus the people named so far (rounded)
 */
public record StatisticsView(int contacted,
                             int responded,
                             double responseRate,
                             int nominations,
                             int distinctNominees,
                             int rounds,
                             int roundsCompleted,
                             List<RoundCount> newNamesPerRound,
                             List<Bucket> distribution,
                             List<Ranked> topNominees,
                             List<Ranked> topNominators,
                             int namedOnce,
                             int namedTwice,
                             double chao1,
                             int estimatedUnnamed) {

    /** A count for one round. */
    public record RoundCount(int round, int count) {
    }

    /** People named by exactly {@code nominators} distinct nominators. */
    public record Bucket(int nominators, int people) {
    }

    /** A person with a count (nominations received, or people named). */
    public record Ranked(String name, String email, int count) {
    }
}
