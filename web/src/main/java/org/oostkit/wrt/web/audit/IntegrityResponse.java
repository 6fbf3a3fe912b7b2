package org.oostkit.wrt.web.audit;

import org.oostkit.wrt.api.audit.IntegrityProblem;
import org.oostkit.wrt.api.audit.IntegrityReport;

import java.time.Instant;
import java.util.List;

/** The JSON (operator API) and text (command line) form of an integrity report. */
record IntegrityResponse(String scope, Instant checkedAt, boolean intact, long eventsChecked, long aggregatesChecked,
                         long problemCount, IntegrityProblem firstProblem, List<IntegrityProblem> problems) {

    static IntegrityResponse of(IntegrityReport report) {
        return new IntegrityResponse(report.scope(), report.checkedAt(), report.intact(), report.eventsChecked(),
                report.aggregatesChecked(), report.problemCount(), report.firstProblem(), report.problems());
    }

    String text() {
        StringBuilder out = new StringBuilder();
        out.append("Integrity of ").append(scope).append(", checked ").append(checkedAt).append('\n');
        out.append(eventsChecked).append(" events in ").append(aggregatesChecked).append(" aggregates: ");
        if (intact) {
            return out.append("every hash chain is intact.\n").toString();
        }
        out.append(problemCount).append(" broken link(s).\n");
        for (IntegrityProblem p : problems) {
            out.append("  position ").append(p.globalIndex()).append("  ").append(p.kind()).append("  aggregate ")
                    .append(p.aggregateId()).append(" #").append(p.sequenceNumber()).append("  ")
                    .append(p.payloadType()).append(": ").append(p.detail()).append('\n');
        }
        if (problemCount > problems.size()) {
            out.append("  … and ").append(problemCount - problems.size()).append(" more\n");
        }
        return out.toString();
    }
}
