package org.oostkit.wrt.query.export;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;

import java.io.Writer;

/**
 * The exports' one CSV dialect (RFC 4180) and formula neutralising: names are typed by anyone holding an
 * invitation link, and a cell such as {@code =HYPERLINK(...)} would run in the admin's spreadsheet.
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
