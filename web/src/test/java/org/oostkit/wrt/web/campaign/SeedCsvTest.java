package org.oostkit.wrt.web.campaign;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class SeedCsvTest {

    private static SeedCsv.Parsed parse(String text) {
        return SeedCsv.parse(text.getBytes(StandardCharsets.UTF_8), 10_000);
    }

    @Test
    @DisplayName("name,email with a header: records carry the line they come from; blank lines are skipped")
    void simpleHeader() {
        SeedCsv.Parsed parsed = parse("name,email\nAlice Adams,alice@example.org\n\nBob,bob@example.org\n");
        assertThat(parsed.failure()).isNull();
        assertThat(parsed.records()).containsExactly(
                new SeedCsv.Record(2, "Alice Adams", "alice@example.org"),
                new SeedCsv.Record(4, "Bob", "bob@example.org"));
        assertThat(parsed.understood()).contains("separated by commas").contains("header row on line 1");
    }

    @Test
    @DisplayName("a UTF-8 byte order mark is dropped, so the header is still recognised")
    void byteOrderMark() {
        byte[] body = "Email;Name\r\nzoë@example.org;Zoë Ñúñez\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        SeedCsv.Parsed parsed = SeedCsv.parse(withBom, 100);
        assertThat(parsed.records()).containsExactly(new SeedCsv.Record(2, "Zoë Ñúñez", "zoë@example.org"));
        assertThat(parsed.understood()).startsWith("UTF-8, separated by semicolons");
    }

    @Test
    @DisplayName("semicolons separate fields, and a semicolon inside quotes does not")
    void semicolons() {
        SeedCsv.Parsed parsed = parse("Name;E-mail\n\"Doe; Jane\";jane@example.org\n");
        assertThat(parsed.records()).containsExactly(new SeedCsv.Record(2, "Doe; Jane", "jane@example.org"));
    }

    @Test
    @DisplayName("the Outlook export header: first, middle and last name make the name; E-mail Address the address")
    void outlookHeader() {
        String outlook = "\"Title\",\"First Name\",\"Middle Name\",\"Last Name\",\"Suffix\",\"Company\","
                + "\"E-mail Address\",\"E-mail Type\",\"E-mail Display Name\",\"E-mail 2 Address\"\n"
                + "\"\",\"Carol\",\"\",\"Chen\",\"\",\"Acme, Inc.\",\"carol@acme.example\",\"SMTP\",\"Carol Chen\","
                + "\"c.chen@home.example\"\n"
                + "\"Dr.\",\"Dan\",\"J.\",\"Doe\",\"\",\"\",\"dan@example.org\",\"SMTP\",\"\",\"\"\n";
        SeedCsv.Parsed parsed = parse(outlook);
        assertThat(parsed.records()).containsExactly(
                new SeedCsv.Record(2, "Carol Chen", "carol@acme.example"),
                new SeedCsv.Record(3, "Dan J. Doe", "dan@example.org"));
        assertThat(parsed.understood()).contains("address from “E-mail Address”")
                .contains("name from “First Name” + “Middle Name” + “Last Name”");
    }

    @Test
    @DisplayName("the Google Contacts export header: Name and E-mail 1 - Value")
    void googleHeader() {
        SeedCsv.Parsed parsed = parse("Name,Given Name,Additional Name,Family Name,E-mail 1 - Type,E-mail 1 - Value\n"
                + "Eve Evans,Eve,,Evans,* Home,eve@example.org\n");
        assertThat(parsed.records()).containsExactly(new SeedCsv.Record(2, "Eve Evans", "eve@example.org"));
    }

    @Test
    @DisplayName("a quoted field may hold a line break; the next record's line number counts it")
    void quotedLineBreak() {
        SeedCsv.Parsed parsed = parse("name,email\n\"Fay\nFisher\",fay@example.org\nGus,gus@example.org\n");
        assertThat(parsed.records()).containsExactly(
                new SeedCsv.Record(2, "Fay\nFisher", "fay@example.org"),
                new SeedCsv.Record(4, "Gus", "gus@example.org"));
    }

    @Test
    @DisplayName("without a header, the cell with an @ is the address and the rest the name")
    void noHeader() {
        SeedCsv.Parsed parsed = parse("hal@example.org,Hal Hill\nIda Ide,ida@example.org\njo@example.org\n");
        assertThat(parsed.records()).containsExactly(
                new SeedCsv.Record(1, "Hal Hill", "hal@example.org"),
                new SeedCsv.Record(2, "Ida Ide", "ida@example.org"),
                new SeedCsv.Record(3, "", "jo@example.org"));
        assertThat(parsed.understood()).contains("no header row");
    }

    @Test
    @DisplayName("UTF-16 with a byte order mark (Excel's \"Unicode text\"), little- and big-endian, is read as such")
    void utf16WithBom() {
        String text = "Name\tEmail\r\nZoë Ñúñez\tzoë@example.org\r\n李 小龍\tbruce@example.org\r\n";
        for (Charset charset : new Charset[] {StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE}) {
            SeedCsv.Parsed parsed = SeedCsv.parse(("\uFEFF" + text).getBytes(charset), 100);
            assertThat(parsed.failure()).as(charset.name()).isNull();
            assertThat(parsed.records()).as(charset.name()).containsExactly(
                    new SeedCsv.Record(2, "Zoë Ñúñez", "zoë@example.org"),
                    new SeedCsv.Record(3, "李 小龍", "bruce@example.org"));
            assertThat(parsed.understood()).as(charset.name()).startsWith("UTF-16").contains("separated by tabs");
        }
    }

    @Test
    @DisplayName("UTF-16 without a byte order mark is recognised by its zero bytes")
    void utf16WithoutBom() {
        String text = "name,email\nRené Müller,rene@example.org\n";
        assertThat(SeedCsv.parse(text.getBytes(StandardCharsets.UTF_16LE), 100).records())
                .containsExactly(new SeedCsv.Record(2, "René Müller", "rene@example.org"));
        assertThat(SeedCsv.parse(text.getBytes(StandardCharsets.UTF_16BE), 100).records())
                .containsExactly(new SeedCsv.Record(2, "René Müller", "rene@example.org"));
    }

    @Test
    @DisplayName("a file with a UTF-16 byte order mark that is not valid UTF-16 is refused as a whole")
    void brokenUtf16() {
        byte[] broken = {(byte) 0xFF, (byte) 0xFE, 'a', 0, 0x00, (byte) 0xDC, 'b', 0};
        SeedCsv.Parsed parsed = SeedCsv.parse(broken, 100);
        assertThat(parsed.failure()).contains("not valid UTF-16");
        assertThat(parsed.records()).isEmpty();
    }

    @Test
    @DisplayName("a file that is not UTF-8 is read as Windows-1252 (older Outlook exports) and says so")
    void windows1252() {
        byte[] ansi = "name,email\nRené Müller,rene@example.org\n".getBytes(Charset.forName("windows-1252"));
        SeedCsv.Parsed parsed = SeedCsv.parse(ansi, 100);
        assertThat(parsed.records()).containsExactly(new SeedCsv.Record(2, "René Müller", "rene@example.org"));
        assertThat(parsed.understood()).startsWith("Windows-1252");
    }

    @Test
    @DisplayName("more rows than allowed, an empty file, or an unterminated quote refuse the whole file")
    void refusals() {
        StringBuilder many = new StringBuilder("name,email\n");
        for (int i = 0; i < 6; i++) {
            many.append("P").append(i).append(",p").append(i).append("@example.org\n");
        }
        assertThat(SeedCsv.parse(many.toString().getBytes(StandardCharsets.UTF_8), 5).failure())
                .contains("more than 5 rows");
        assertThat(parse("").failure()).isEqualTo("The file is empty.");
        assertThat(parse("name,email\n\"Kim,kim@example.org\n").failure()).isNotNull();
    }

    @Test
    @DisplayName("a header row without any address column and no @ in it cannot be imported")
    void noAddressColumn() {
        assertThat(parse("first,last\nLee,Lo\n").failure()).startsWith("No email address found.");
    }
}
