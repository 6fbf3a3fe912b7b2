package org.oostkit.wrt.query.export;

/**
 * How to write a CSV export.
 *
 * @param excelBom  start with a UTF-8 byte order mark: Excel reads a CSV without one in the system code page
 *                  and garbles every name outside ASCII
 * @param separator the field separator; ';' suits spreadsheets in locales whose decimal mark is ','
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
