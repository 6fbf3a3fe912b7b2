package org.oostkit.wrt.api.audit;

import java.time.Instant;
import java.util.List;

/**
 * What an integrity check found.
 *
 * @param scope             {@code store} or {@code campaign:<id>}
 * @param checkedAt         when the check finished
 * @param eventsChecked     events whose hash was recomputed
 * @param aggregatesChecked aggregates (chains) walked
 * @param problemCount      broken links found (all of them)
 * @param problems          the first ones in global order (at most {@link #MAX_LISTED})
 */
public record IntegrityReport(String scope, Instant checkedAt, long eventsChecked, long aggregatesChecked,
                              long problemCount, List<IntegrityProblem> problems) {

    public static final int MAX_LISTED = 100;

    public IntegrityReport {
        problems = List.copyOf(problems);
    }

    public boolean intact() {
        return problemCount == 0;
    }

    /** The first broken link in global order, or null when the chains are intact. */
    public IntegrityProblem firstProblem() {
        return problems.isEmpty() ? null : problems.get(0);
    }
}
