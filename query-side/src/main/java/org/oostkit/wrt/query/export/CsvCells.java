package org.oostkit.wrt.query.export;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;

import java.io.Writer;

/**
 * The one CSV dialect of WRT's exports (RFC 4180: quoted where needed, quotes doubled, CRLF), and the one rule
 * that neutralises spreadsheet formulas in cells. Names and e-mail addresses are typed by nominators, that is
 * by anyone holding an invitation link; a cell such as {@code =HYPERLINK(...)} would run as a formula when an
 * administrator opens the export in a spreadsheet (OWASP "CSV injection"). A leading apostrophe makes
 * spreadsheets treat the cell as text.
 */
public final class CsvCells {

    private CsvCells() {
    }

    /** A CSV writer over {@code out} with this separator; write rows with {@code writeNext(cells, false)}. */
    public static ICSVWriter writer(Writer out, char separator) {
        return new CSVWriterBuilder(out).withSeparator(separator).withLineEnd(ICSVWriter.RFC4180_LINE_END).build();
    }

    /** The text with a leading apostrophe if it starts with =, +, -, @, tab or carriage return. */
    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
