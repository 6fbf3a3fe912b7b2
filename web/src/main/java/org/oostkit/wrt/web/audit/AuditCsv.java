package org.oostkit.wrt.web.audit;

import org.oostkit.wrt.api.audit.AuditQueries.AuditEntry;

import java.io.IOException;
import java.io.Writer;

/**
 * The audit trail as CSV (RFC 4180: quoted where needed, CRLF). A cell that a spreadsheet would run as a
 * formula ({@code = + - @}, tab, CR) gets a leading apostrophe: summaries carry names people typed.
 */
final class AuditCsv {

    private AuditCsv() {
    }

    static void header(Writer out) throws IOException {
        line(out, "Position", "Time (UTC)", "Actor", "Event", "Summary", "Aggregate", "Sequence");
    }

    static void row(Writer out, AuditEntry entry) throws IOException {
        line(out, Long.toString(entry.globalIndex()), entry.timestamp().toString(), entry.actor(), entry.eventType(),
                entry.summary(), entry.aggregateId(), Long.toString(entry.sequenceNumber()));
    }

    private static void line(Writer out, String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells[i]));
        }
        out.write("\r\n");
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
