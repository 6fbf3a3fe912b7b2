package org.oostkit.wrt.query.export;

/**
 * Neutralises spreadsheet formulas in CSV cells. Names and e-mail addresses are typed by nominators, that
 * is by anyone holding an invitation link; a cell such as {@code =HYPERLINK(...)} would run as a formula
 * when an administrator opens the export in a spreadsheet (OWASP "CSV injection"). A leading apostrophe
 * makes spreadsheets treat the cell as text.
 */
final class CsvCells {

    private CsvCells() {
    }

    /** The text with a leading apostrophe if it starts with =, +, -, @, tab or carriage return. */
    static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
