package org.oostkit.wrt.query.campaign;

import org.oostkit.wrt.query.api.StatisticsView;
import org.oostkit.wrt.query.api.StatisticsView.Bucket;
import org.oostkit.wrt.query.api.StatisticsView.Ranked;
import org.oostkit.wrt.query.api.StatisticsView.RoundCount;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ranking and statistics rules over counts, free of the database: the SQL queries that serve the pages only
 * count, so the same rules answer from rows in memory (and are tested so).
 */
public final class CampaignFigures {

    /** How many people the statistics' top lists show. */
    public static final int TOP = 10;

    private CampaignFigures() {
    }

    /** Competition ranks ("1, 2, 2, 4") by nominator count: one more than the people named by more nominators. */
    public static Map<Integer, Integer> ranks(Map<Integer, Integer> peopleByCount) {
        Map<Integer, Integer> rankOf = new HashMap<>();
        int before = 0;
        for (var bucket : new TreeMap<>(peopleByCount).descendingMap().entrySet()) {
            rankOf.put(bucket.getKey(), before + 1);
            before += bucket.getValue();
        }
        return rankOf;
    }

    /** {@code people} with one nominator count who entered the roster in a round (null: not in it, or a seed). */
    public record People(int nominators, Integer enteredRound, int people) {
    }

    /**
     * The statistics from the campaign's counts; a person who left the roster again (a mistyped address) was no
     * new name, and every nomination is one nominator counted at one person.
     */
    public static StatisticsView statistics(int contacted, int responded, int rounds, int roundsClosed,
                                            List<People> people, List<Ranked> topNominees, List<Ranked> topNominators) {
        TreeMap<Integer, Integer> byCount = new TreeMap<>();
        TreeMap<Integer, Integer> byRound = new TreeMap<>();
        for (int r = 1; r <= rounds; r++) {
            byRound.put(r, 0);
        }
        for (People p : people) {
            if (p.nominators() > 0) {
                byCount.merge(p.nominators(), p.people(), Integer::sum);
            }
            if (p.enteredRound() != null) {
                byRound.merge(p.enteredRound(), p.people(), Integer::sum);
            }
        }
        List<Bucket> distribution = byCount.entrySet().stream().map(e -> new Bucket(e.getKey(), e.getValue())).toList();
        int nominations = distribution.stream().mapToInt(b -> b.nominators() * b.people()).sum();
        int distinct = distribution.stream().mapToInt(Bucket::people).sum();
        int once = byCount.getOrDefault(1, 0);
        int twice = byCount.getOrDefault(2, 0);
        double chao1 = chao1(distinct, once, twice);
        return new StatisticsView(contacted, responded, contacted == 0 ? 0 : (double) responded / contacted,
                nominations, distinct, rounds, roundsClosed,
                byRound.entrySet().stream().map(e -> new RoundCount(e.getKey(), e.getValue())).toList(),
                distribution, topNominees, topNominators, once, twice, chao1, (int) Math.round(chao1 - distinct));
    }

    /** Chao1 species richness: observed + f1²/(2·f2); with no doubletons the bias-corrected observed + f1(f1−1)/2. */
    static double chao1(int observed, int once, int twice) {
        if (twice > 0) {
            return observed + (double) once * once / (2.0 * twice);
        }
        return observed + once * (once - 1) / 2.0;
    }
}
