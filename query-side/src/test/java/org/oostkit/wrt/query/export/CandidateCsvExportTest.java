package org.oostkit.wrt.query.export;

import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oostkit.wrt.api.campaign.CampaignCommands.ChangeCampaignTimeZone;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.query.time.EffectiveZones;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.api.CampaignQueries.CandidateFilter;
import org.oostkit.wrt.query.api.CandidateView;
import org.oostkit.wrt.query.api.ReasonView;
import org.oostkit.wrt.query.campaign.CampaignReadModel;
import org.oostkit.wrt.query.support.ReadSideTestSupport;
import org.oostkit.wrt.query.support.ScriptedCampaign;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The candidate CSV after the scripted campaign, parsed back as a spreadsheet would read it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CandidateCsvExportTest extends ReadSideTestSupport {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Autowired
    private CandidateCsvExport export;

    private ScriptedCampaign script;
    private CampaignId awkward;

    @BeforeAll
    void runScript() {
        script = scriptedCampaign("admin@csv.test");
        // names as a nominator or a careless admin might type them
        awkward = wrt().campaign(script.organisation, script.admin,
                "Smith, \"Jo\"", "jo@acme.test",
                "=HYPERLINK(\"http://evil.test\",\"click\")", "evil@acme.test",
                "@SUM(A1:A9)", "sum@acme.test",
                "-2+3", "minus@acme.test");
        projections().awaitCaughtUp();
    }

    @Test
    @DisplayName("every candidate in rank order with rank, counts, threshold, source, rounds, contact and first naming")
    void allCandidates() {
        List<String[]> rows = parse(text(CandidateFilter.ALL, CsvOptions.DEFAULT));
        assertThat(rows.get(0)).containsExactly("Rank", "Name", "Email", "Nominations", "Above threshold", "Source",
                "Rounds named", "Contacted in round", "First named at (UTC)", "Reasons");
        assertThat(rows).hasSize(9);
        assertThat(rows.subList(1, 6)).extracting(r -> String.join("|", Arrays.copyOf(r, 8))).containsExactly(
                "1|Erin|erin@acme.test|3|yes|nominated|1|2",
                "1|Gina|gina@acme.test|3|yes|nominated|1;2|2",
                "3|Frank|frank@acme.test|2|yes|nominated|1|2",
                "3|Hank|hank@acme.test|2|yes|nominated|2|",
                "5|Alice|alice@acme.test|1|no|seed|1|1");
        assertThat(rows.subList(6, 9)).extracting(r -> r[1], r -> r[3], r -> r[6], r -> r[8])
                .containsExactly(tuple("Bob", "0", "", ""), tuple("Carol", "0", "", ""), tuple("Dan", "0", "", ""));
        // who named them and why, by round, then nominator; one reason a line inside the cell
        assertThat(rows.get(1)[9]).isEqualTo("Alice: because Erin knows the site\nBob: because Erin knows the site\n"
                + "Carol: because Erin knows the site");
        assertThat(rows.get(2)[9]).isEqualTo("Alice: because Gina knows the site\nBob: because Gina knows the site\n"
                + "Erin: because Gina knows the site");
        assertThat(rows.get(7)[9]).as("never named: no reasons").isEmpty();
        Instant firstNamed = Instant.parse(rows.get(1)[8]);
        assertThat(rows.get(1)[8]).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(firstNamed).isBetween(Instant.now().minusSeconds(600), Instant.now());
    }

    @Test
    @DisplayName("a campaign in its own zone: the time column names the zone, values carry its offset, same instant")
    void campaignZone() {
        List<String[]> utc = parse(text(CandidateFilter.ALL, CsvOptions.DEFAULT));
        wrt().send(new ChangeCampaignTimeZone(script.campaign, script.organisation, "Asia/Kolkata"), script.admin);
        projections().awaitCaughtUp();
        try {
            List<String[]> rows = parse(text(CandidateFilter.ALL, CsvOptions.DEFAULT));
            assertThat(rows.get(0)[8]).isEqualTo("First named at (Asia/Kolkata)");
            assertThat(rows.get(1)[8]).endsWith("+05:30");
            assertThat(OffsetDateTime.parse(rows.get(1)[8]).toInstant()).isEqualTo(Instant.parse(utc.get(1)[8]));
        } finally {
            wrt().send(new ChangeCampaignTimeZone(script.campaign, script.organisation, null), script.admin);
            projections().awaitCaughtUp();
        }
    }

    private static EffectiveZones zones(ZoneId zone) {
        EffectiveZones zones = mock(EffectiveZones.class);
        when(zones.of(any(), any())).thenReturn(zone);
        return zones;
    }

    @Test
    @DisplayName("filters: above threshold, nominated only, named in a round")
    void filters() {
        assertThat(names(new CandidateFilter(true, false, null, null, null)))
                .containsExactly("Erin", "Gina", "Frank", "Hank");
        assertThat(names(new CandidateFilter(false, true, null, null, null)))
                .containsExactly("Erin", "Gina", "Frank", "Hank", "Alice");
        assertThat(names(new CandidateFilter(false, false, 2, null, null))).containsExactly("Gina", "Hank");
        assertThat(names(null)).hasSize(8);
    }

    @Test
    @DisplayName("UTF-8 with a byte order mark for Excel only when asked")
    void byteOrderMark() {
        byte[] withBom = bytes(script.campaign, CandidateFilter.ALL, new CsvOptions(true));
        assertThat(Arrays.copyOf(withBom, 3)).isEqualTo(BOM);
        assertThat(new String(withBom, 3, 4, StandardCharsets.UTF_8)).isEqualTo("Rank");

        byte[] without = bytes(script.campaign, CandidateFilter.ALL, CsvOptions.DEFAULT);
        assertThat(new String(without, 0, 4, StandardCharsets.UTF_8)).isEqualTo("Rank");
    }

    @Test
    @DisplayName("RFC 4180: CRLF line ends, a field with comma and quotes quoted with doubled quotes")
    void quoting() {
        String text = new String(bytes(awkward, CandidateFilter.ALL, CsvOptions.DEFAULT), StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n", "\r");
        assertThat(text.split("\r\n")).hasSize(5);
        assertThat(text).contains("\r\n1,\"Smith, \"\"Jo\"\"\",jo@acme.test,0,no,seed,,,,\r\n");
        // plain fields stay unquoted
        assertThat(text).startsWith("Rank,Name,Email,Nominations,");

        assertThat(parse(text)).extracting(r -> r[1]).contains("Smith, \"Jo\"");
    }

    @Test
    @DisplayName("formulas in names arrive in the spreadsheet as text, behind an apostrophe")
    void formulasNeutralised() {
        List<String[]> rows = parse(new String(bytes(awkward, CandidateFilter.ALL, CsvOptions.DEFAULT),
                StandardCharsets.UTF_8));
        assertThat(rows.subList(1, rows.size())).extracting(r -> r[1]).containsExactlyInAnyOrder(
                "'=HYPERLINK(\"http://evil.test\",\"click\")", "'@SUM(A1:A9)", "'-2+3", "Smith, \"Jo\"");
    }

    @Test
    @DisplayName("the reasons cell: each given reason behind its nominator's name, a formula start neutralised")
    void reasonsCell() {
        PersonId nominee = PersonId.random();
        CandidateView candidate = new CandidateView(1, nominee, "Erin", "erin@acme.test", 3, true, "NOMINATED",
                List.of(1), null, Instant.parse("2026-01-01T00:00:00Z"), List.of(
                        new ReasonView(nominee, "Erin", PersonId.random(), "=cmd|' /C calc'!A0", 1, "=1+1 runs things"),
                        new ReasonView(nominee, "Erin", PersonId.random(), "Bob", 1, ""),
                        new ReasonView(nominee, "Erin", PersonId.random(), "Carol", 2, "  -knows the site  ")));
        String[] row = CandidateCsvExport.row(candidate, ZoneOffset.UTC);
        assertThat(row).hasSize(CandidateCsvExport.HEADER.length);
        assertThat(row[9]).isEqualTo("'=cmd|' /C calc'!A0: =1+1 runs things\nCarol: -knows the site");
        assertThat(CandidateCsvExport.row(new CandidateView(2, nominee, "Erin", "erin@acme.test", 1, false,
                "NOMINATED", List.of(1), null, null, List.of(new ReasonView(nominee, "Erin", PersonId.random(),
                        "Bob", 1, "@SUM(A1)"))), ZoneOffset.UTC)[9]).isEqualTo("Bob: @SUM(A1)");
    }

    @Test
    @DisplayName("cell sanitising: =, +, -, @, tab and CR lead to an apostrophe; other text is kept")
    void neutralise() {
        assertThat(CsvCells.neutralise("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvCells.neutralise("+x")).isEqualTo("'+x");
        assertThat(CsvCells.neutralise("-x")).isEqualTo("'-x");
        assertThat(CsvCells.neutralise("@SUM(A1:A2)")).isEqualTo("'@SUM(A1:A2)");
        assertThat(CsvCells.neutralise("\tx")).isEqualTo("'\tx");
        assertThat(CsvCells.neutralise("\rx")).isEqualTo("'\rx");
        assertThat(CsvCells.neutralise("Erin O'Neill")).isEqualTo("Erin O'Neill");
        assertThat(CsvCells.neutralise("a=b")).isEqualTo("a=b");
        assertThat(CsvCells.neutralise("")).isEmpty();
        assertThat(CsvCells.neutralise(null)).isEmpty();
    }

    @Test
    @DisplayName("another separator: fields containing it are quoted")
    void semicolons() {
        String text = new String(bytes(script.campaign, new CandidateFilter(false, false, 2, null, null),
                new CsvOptions(false, ';')), StandardCharsets.UTF_8);
        assertThat(text).startsWith("Rank;Name;Email;");
        assertThat(text).contains(";\"1;2\";");
    }

    @Test
    @DisplayName("another organisation's campaign, or an unknown one, yields the header alone")
    void otherTenant() {
        OrganisationId other = wrt().organisation("admin@other-csv.test");
        projections().awaitCaughtUp();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.write(other, script.campaign, CandidateFilter.ALL, CsvOptions.DEFAULT, out);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo(String.join(",", CandidateCsvExport.header(ZoneId.of("UTC"))) + "\r\n");

        assertThat(parse(new String(bytes(CampaignId.random(), CandidateFilter.ALL, CsvOptions.DEFAULT),
                StandardCharsets.UTF_8))).hasSize(1);
    }

    @Test
    @DisplayName("20,000 rows stream out while the database is still being read")
    void streams() {
        CampaignReadModel readModel = mock(CampaignReadModel.class);
        int total = 20_000;
        long[] writtenBeforeLast = {-1};
        CountingStream out = new CountingStream();
        doAnswer(call -> {
            Consumer<CandidateView> consumer = call.getArgument(3);
            for (int i = 1; i <= total; i++) {
                if (i == total) {
                    writtenBeforeLast[0] = out.count;
                }
                consumer.accept(new CandidateView(i, PersonId.random(), "Person " + i, "p" + i + "@acme.test",
                        1, false, "NOMINATED", List.of(1), null, Instant.parse("2026-01-01T00:00:00Z")));
            }
            return null;
        }).when(readModel).eachCandidate(any(), any(), any(), any());

        new CandidateCsvExport(readModel, zones(ZoneId.of("UTC"))).write(OrganisationId.random(), CampaignId.random(), CandidateFilter.ALL,
                CsvOptions.DEFAULT, out);

        // all but the buffer's last few kilobytes were already on their way before the last row existed
        assertThat(writtenBeforeLast[0]).isGreaterThan(out.count - 64 * 1024);
        assertThat(out.lines).isEqualTo(total + 1);
    }

    private List<String> names(CandidateFilter filter) {
        return parse(text(filter, CsvOptions.DEFAULT)).stream().skip(1).map(r -> r[1]).toList();
    }

    private String text(CandidateFilter filter, CsvOptions options) {
        return new String(bytes(script.campaign, filter, options), StandardCharsets.UTF_8);
    }

    private byte[] bytes(CampaignId campaign, CandidateFilter filter, CsvOptions options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.write(script.organisation, campaign, filter, options, out);
        return out.toByteArray();
    }

    private static List<String[]> parse(String text) {
        try (var reader = new CSVReaderBuilder(new StringReader(text))
                .withCSVParser(new RFC4180ParserBuilder().build()).build()) {
            return reader.readAll();
        } catch (Exception e) {
            throw new AssertionError("not parseable as CSV: " + text, e);
        }
    }

    /** Counts bytes and line feeds without keeping them. */
    private static final class CountingStream extends OutputStream {
        long count;
        long lines;

        @Override
        public void write(int b) {
            count++;
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
        }
    }
}
