package org.oostkit.wrt.query.api;

import java.util.List;

/** A page of the ranked candidate list; {@code total} counts every candidate that passes the filter. */
public record ConvergenceView(int threshold, int total, int offset, List<CandidateView> candidates) {
}
