package org.oostkit.wrt.web.audit;

import com.opencsv.ICSVWriter;
import org.oostkit.wrt.api.audit.AuditQueries.AuditEntry;
import org.oostkit.wrt.query.export.CsvCells;

import java.io.Writer;

/**
 * The audit trail as CSV, in the exports' one dialect ({@link CsvCells}); summaries carry names people typed,
 * so formulas are neutralised. Summaries stay in the domain's English, whatever the admin's language, so auditors
 * compare exports across organisations line by line.
 */
final class AuditCsv {

    private AuditCsv() {
    }

    static ICSVWriter writer(Writer out) {
        return CsvCells.writer(out, ',');
    }

    static void header(ICSVWriter out) {
        out.writeNext(new String[]{"Position", "Time (UTC)", "Actor", "Event", "Summary", "Aggregate", "Sequence"},
                false);
    }

    static void row(ICSVWriter out, AuditEntry entry) {
        out.writeNext(new String[]{Long.toString(entry.globalIndex()), entry.timestamp().toString(),
                CsvCells.neutralise(entry.actor()), CsvCells.neutralise(entry.eventType()),
                CsvCells.neutralise(entry.summary()), CsvCells.neutralise(entry.aggregateId()),
                Long.toString(entry.sequenceNumber())}, false);
    }
}
