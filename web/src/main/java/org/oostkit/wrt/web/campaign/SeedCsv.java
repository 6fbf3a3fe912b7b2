package org.oostkit.wrt.web.campaign;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvValidationException;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a seed-group CSV as people export them: UTF-8 with or without a byte order mark, UTF-16 (Excel's
 * "Unicode text"; with or without a byte order mark), Windows-1252 as a fallback (as older Outlook exports
 * are), separated by {@code ,} or {@code ;} (or tab), quoted fields (including line breaks inside quotes),
 * with a header row such as {@code name,email}, {@code First Name,Last Name,E-mail Address} (Outlook) or
 * {@code Name,Given Name,…,E-mail 1 - Value} (Google Contacts), or without a header when each row holds an
 * address. Answers the records with the line they start on; it judges nothing (validation and duplicates are
 * {@link SeedImport}'s).
 */
final class SeedCsv {

    /** One person as read: line of the file (1-based, where the record starts), name (may be empty), email. */
    record Record(int line, String name, String email) {
    }

    /** The records, how the file was understood, and a problem that stops the whole file (or null). */
    record Parsed(List<Record> records, String understood, String failure) {

        static Parsed failed(String failure) {
            return new Parsed(List.of(), "", failure);
        }
    }

    private static final Set<String> EMAIL = Set.of("email", "emailaddress", "mail", "emailaddr", "email1value",
            "email1", "primaryemail", "e", "emailadres", "mailadresse", "courriel", "adresseemail");
    private static final Set<String> NAME = Set.of("name", "fullname", "displayname", "naam", "nom");
    private static final Set<String> FIRST = Set.of("firstname", "givenname", "first", "voornaam", "vorname",
            "prenom");
    private static final Set<String> MIDDLE = Set.of("middlename", "additionalname");
    private static final Set<String> LAST = Set.of("lastname", "familyname", "surname", "last", "achternaam",
            "nachname");

    private SeedCsv() {
    }

    /** Reads at most {@code maxRecords} records; more is a failure (nothing is taken from such a file). */
    static Parsed parse(byte[] bytes, int maxRecords) {
        Decoded decoded = decode(bytes);
        if (decoded.failure() != null) {
            return Parsed.failed(decoded.failure());
        }
        String text = decoded.text();
        String encoding = decoded.encoding();
        if (text.isBlank()) {
            return Parsed.failed(AdminLanguage.text("csv.empty"));
        }
        char separator = separator(text);
        List<String[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (CSVReader reader = new CSVReaderBuilder(new StringReader(text))
                .withCSVParser(new RFC4180ParserBuilder().withSeparator(separator).build())
                .withKeepCarriageReturn(false)
                .build()) {
            String[] row;
            long before = 0;
            while ((row = reader.readNext()) != null) {
                lines.add((int) before + 1);
                before = reader.getLinesRead();
                rows.add(row);
                // a header and one record more than allowed are enough to refuse the file
                if (rows.size() > maxRecords + 1) {
                    return Parsed.failed(AdminLanguage.text("csv.tooManyRows", String.valueOf(maxRecords)));
                }
            }
        } catch (CsvValidationException | IOException e) {
            return Parsed.failed(AdminLanguage.text("csv.unreadableAt", String.valueOf(lines.isEmpty() ? 1
                    : lines.get(lines.size() - 1)), e.getMessage()));
        } catch (RuntimeException e) {
            // OpenCSV reports an unterminated quote this way
            return Parsed.failed(AdminLanguage.text("csv.unreadable", e.getMessage()));
        }

        int first = firstNonBlank(rows);
        if (first < 0) {
            return Parsed.failed(AdminLanguage.text("csv.noRows"));
        }
        Columns columns = Columns.fromHeader(rows.get(first));
        int dataStart = first + 1;
        String how;
        if (columns == null || containsAddress(rows.get(first))) {
            // no recognisable header: every row is data, the address is the cell with an @
            columns = null;
            dataStart = first;
            how = AdminLanguage.text("csv.noHeader");
        } else {
            how = AdminLanguage.text("csv.header", String.valueOf(lines.get(first)), columns.describe(rows.get(first)));
        }
        List<Record> records = new ArrayList<>();
        for (int i = dataStart; i < rows.size(); i++) {
            String[] row = rows.get(i);
            if (blank(row)) {
                continue;
            }
            records.add(columns == null ? guess(lines.get(i), row) : columns.record(lines.get(i), row));
        }
        if (records.stream().allMatch(r -> r.email().isEmpty())) {
            return Parsed.failed(AdminLanguage.text("csv.noEmail"));
        }
        if (records.size() > maxRecords) {
            return Parsed.failed(AdminLanguage.text("csv.tooManyPeople", String.valueOf(records.size()),
                    String.valueOf(maxRecords)));
        }
        String separatorName = AdminLanguage.text(separator == ';' ? "csv.semicolons"
                : separator == '\t' ? "csv.tabs" : "csv.commas");
        return new Parsed(records, AdminLanguage.text("csv.understood", encoding, separatorName, how), null);
    }

    private record Decoded(String text, String encoding, String failure) {
    }

    /**
     * The text of the file: a byte order mark decides (UTF-8, UTF-16 LE or BE, as Excel's "Unicode text"
     * writes); without one, UTF-16 is recognised by its zero bytes, then UTF-8 is tried strictly and
     * Windows-1252 is the fallback for older exports.
     */
    private static Decoded decode(byte[] bytes) {
        if (starts(bytes, 0xEF, 0xBB, 0xBF)) {
            return strictly(bytes, 3, StandardCharsets.UTF_8, "UTF-8");
        }
        if (starts(bytes, 0xFF, 0xFE)) {
            return strictly(bytes, 2, StandardCharsets.UTF_16LE, "UTF-16 (little-endian)");
        }
        if (starts(bytes, 0xFE, 0xFF)) {
            return strictly(bytes, 2, StandardCharsets.UTF_16BE, "UTF-16 (big-endian)");
        }
        Charset utf16 = utf16WithoutBom(bytes);
        if (utf16 != null) {
            return strictly(bytes, 0, utf16, utf16 == StandardCharsets.UTF_16LE ? "UTF-16 (little-endian)"
                    : "UTF-16 (big-endian)");
        }
        Decoded utf8 = strictly(bytes, 0, StandardCharsets.UTF_8, "UTF-8");
        if (utf8.failure() == null) {
            return utf8;
        }
        return new Decoded(new String(bytes, Charset.forName("windows-1252")),
                AdminLanguage.text("csv.windows"), null);
    }

    private static Decoded strictly(byte[] bytes, int offset, Charset charset, String name) {
        try {
            String text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
            return new Decoded(text, name, null);
        } catch (CharacterCodingException broken) {
            return new Decoded(null, name, AdminLanguage.text("csv.invalidEncoding", name));
        }
    }

    private static boolean starts(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * UTF-16 without a byte order mark, recognised as text does in it: most characters of a CSV are ASCII,
     * so every other byte is zero (at the odd positions in little-endian, the even ones in big-endian). No
     * UTF-8 or Windows-1252 text has that many zero bytes.
     */
    private static Charset utf16WithoutBom(byte[] bytes) {
        int pairs = Math.min(bytes.length, 4_096) / 2;
        if (pairs < 2) {
            return null;
        }
        int zeroOdd = 0;
        int zeroEven = 0;
        for (int i = 0; i < pairs; i++) {
            zeroEven += bytes[2 * i] == 0 ? 1 : 0;
            zeroOdd += bytes[2 * i + 1] == 0 ? 1 : 0;
        }
        if (zeroOdd * 10 >= pairs * 7 && zeroEven * 10 < pairs) {
            return StandardCharsets.UTF_16LE;
        }
        if (zeroEven * 10 >= pairs * 7 && zeroOdd * 10 < pairs) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** The separator most used outside quotes on the first non-empty line; a comma when in doubt. */
    static char separator(String text) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        boolean seen = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (seen) {
                    break;
                }
            } else if (!quoted) {
                seen |= !Character.isWhitespace(c);
                if (c == ',') {
                    commas++;
                } else if (c == ';') {
                    semicolons++;
                } else if (c == '\t') {
                    tabs++;
                }
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return ',';
    }

    private static int firstNonBlank(List<String[]> rows) {
        for (int i = 0; i < rows.size(); i++) {
            if (!blank(rows.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean blank(String[] row) {
        for (String cell : row) {
            if (cell != null && !cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsAddress(String[] row) {
        for (String cell : row) {
            if (cell != null && cell.contains("@")) {
                return true;
            }
        }
        return false;
    }

    private static Record guess(int line, String[] row) {
        String email = "";
        List<String> name = new ArrayList<>();
        for (String cell : row) {
            String value = cell == null ? "" : cell.strip();
            if (email.isEmpty() && value.contains("@")) {
                email = value;
            } else if (!value.isEmpty()) {
                name.add(value);
            }
        }
        return new Record(line, String.join(" ", name), email);
    }

    /** Lower-case letters and digits only: "E-mail Address" and "email_address" are the same header. */
    static String key(String header) {
        return header == null ? "" : header.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /** Where the name and address are, by header. */
    private record Columns(int email, int name, int first, int middle, int last) {

        static Columns fromHeader(String[] header) {
            int email = -1;
            int name = -1;
            int first = -1;
            int middle = -1;
            int last = -1;
            for (int i = 0; i < header.length; i++) {
                String key = key(header[i]);
                if (email < 0 && EMAIL.contains(key)) {
                    email = i;
                } else if (name < 0 && NAME.contains(key)) {
                    name = i;
                } else if (first < 0 && FIRST.contains(key)) {
                    first = i;
                } else if (middle < 0 && MIDDLE.contains(key)) {
                    middle = i;
                } else if (last < 0 && LAST.contains(key)) {
                    last = i;
                }
            }
            if (email < 0) {
                // "Work email", "E-mail 2 Address"…: any header that says mail, when no plain one exists
                for (int i = 0; i < header.length && email < 0; i++) {
                    if (key(header[i]).contains("mail")) {
                        email = i;
                    }
                }
            }
            return email < 0 ? null : new Columns(email, name, first, middle, last);
        }

        Record record(int line, String[] row) {
            String fullName = cell(row, name);
            if (fullName.isEmpty()) {
                List<String> parts = new ArrayList<>();
                for (int column : new int[]{first, middle, last}) {
                    String part = cell(row, column);
                    if (!part.isEmpty()) {
                        parts.add(part);
                    }
                }
                fullName = String.join(" ", parts);
            }
            return new Record(line, fullName, cell(row, email));
        }

        String describe(String[] header) {
            StringBuilder text = new StringBuilder(AdminLanguage.text("csv.addressFrom", header[email].strip()));
            if (name >= 0) {
                text.append(", ").append(AdminLanguage.text("csv.nameFrom", "“" + header[name].strip() + "”"));
            } else if (first >= 0 || last >= 0) {
                text.append(", ");
                List<String> parts = new ArrayList<>();
                for (int column : new int[]{first, middle, last}) {
                    if (column >= 0) {
                        parts.add("“" + header[column].strip() + "”");
                    }
                }
                text.append(AdminLanguage.text("csv.nameFrom", String.join(" + ", parts)));
            } else {
                text.append(", ").append(AdminLanguage.text("csv.noName"));
            }
            return text.toString();
        }

        private static String cell(String[] row, int column) {
            return column >= 0 && column < row.length && row[column] != null ? row[column].strip() : "";
        }
    }
}
