package org.oostkit.wrt.query.api;

import java.util.List;

/**
 * A campaign's statistics: {@code newNamesPerRound} falls as the list saturates; {@code chao1} estimates how many
 * relevant people exist in all (observed + f1²/(2·f2)), {@code estimatedUnnamed} how many of them are unnamed.
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
