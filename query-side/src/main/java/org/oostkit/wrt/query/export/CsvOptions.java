package org.oostkit.wrt.query.export;

/**
 * How to write a CSV export: {@code excelBom} since Excel reads a CSV without one in the system code page and
 * garbles names outside ASCII; {@code separator} ';' for locales whose decimal mark is ','.
 */
public record CsvOptions(boolean excelBom, char separator) {

    /** Comma separated, no byte order mark. */
    public static final CsvOptions DEFAULT = new CsvOptions(false, ',');

    public CsvOptions {
        // the quote character and line breaks already have a meaning in RFC 4180
        if (separator == '"' || separator == '\r' || separator == '\n') {
            throw new IllegalArgumentException("unusable CSV separator " + (int) separator);
        }
    }

    /** Comma separated, with or without the byte order mark. */
    public CsvOptions(boolean excelBom) {
        this(excelBom, ',');
    }
}
