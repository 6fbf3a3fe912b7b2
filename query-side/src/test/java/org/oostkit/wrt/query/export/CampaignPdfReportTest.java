package org.oostkit.wrt.query.export;

import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.api.CampaignQueries.FindStatistics;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.CandidateView;
import org.oostkit.wrt.query.api.ReasonView;
import org.oostkit.wrt.query.api.StatisticsView.Bucket;
import org.oostkit.wrt.query.api.StatisticsView.RoundCount;
import org.oostkit.wrt.query.api.StatisticsView;
import org.oostkit.wrt.query.campaign.CampaignReadModel;
import org.oostkit.wrt.query.round.RoundReadModel;
import org.oostkit.wrt.query.support.ReadSideTestSupport;
import org.oostkit.wrt.query.support.ScriptedCampaign;
import org.oostkit.wrt.query.tenant.TenantDirectory;
import org.oostkit.wrt.query.time.EffectiveZones;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The PDF report of the scripted campaign, read back as text. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignPdfReportTest extends ReadSideTestSupport {

    @Autowired
    private CampaignPdfReport report;

    private ScriptedCampaign script;
    private byte[] pdf;

    @BeforeAll
    void runScript() throws IOException {
        script = scriptedCampaign("admin@pdf.test");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.write(script.organisation, script.campaign, out);
        pdf = out.toByteArray();
        // kept for a person to look at (e.g. pdftoppm -png target/campaign-report.pdf)
        Files.write(Path.of("target", "campaign-report.pdf"), pdf);
    }

    @Test
    @DisplayName("title block: campaign, organisation, rounds, threshold, generated-at; A4 pages")
    void title() {
        String text = text(pdf);
        assertThat(text).contains("Future of the plant", "Test organisation", "Generated ");
        assertThat(text).containsPattern("Rounds\\s+2 rounds \\(round 2 open\\)");
        assertThat(text).containsPattern("Threshold\\s+2 distinct nominators");
        assertThat(text).containsPattern("Completed\\s+not yet");
        // each round's deadline in full, in the campaign's zone (UTC here), as the mails and pages state it
        assertThat(text).containsPattern("Round 1: deadline \\w+day \\d+ \\w+ \\d{4}, \\d\\d:\\d\\d \\(UTC\\); closed ")
                .containsPattern("Round 2: open, deadline \\w+day \\d+ \\w+ \\d{4}, \\d\\d:\\d\\d \\(UTC\\)")
                .contains("Times are in UTC.");
        assertThat(text).containsPattern("page 1 of \\d+");
        try (PdfDocument document = read(pdf)) {
            assertThat(document.getPage(1).getPageSize().equalsWithEpsilon(PageSize.A4)).isTrue();
            assertThat(document.getDocumentInfo().getTitle()).isEqualTo("Future of the plant");
        }
    }

    @Test
    @DisplayName("statistics: contacted, responded, rate, nominations, people, rounds, threshold, Chao1")
    void statistics() {
        String text = text(pdf);
        assertThat(text).containsPattern("Contacted\\s+7");
        assertThat(text).containsPattern("Responded\\s+5");
        assertThat(text).containsPattern("Response rate\\s+71%");
        assertThat(text).containsPattern("Nominations\\s+11");
        assertThat(text).containsPattern("Distinct people named\\s+5");
        assertThat(text).containsPattern("Rounds completed\\s+1 of 2");
        assertThat(text).containsPattern("At or above threshold\\s+4");
        assertThat(text).containsPattern("Still unnamed \\(Chao1\\)\\s+0");
        assertThat(text).contains("Chao1 estimates", "5.3 in all");
    }

    @Test
    @DisplayName("both charts with titles, axes and bar values")
    void charts() {
        String text = text(pdf);
        assertThat(text).contains(CampaignPdfReport.SATURATION_TITLE, CampaignPdfReport.DISTRIBUTION_TITLE,
                "distinct nominators", "round");
        assertThat(CampaignPdfReport.distributionBars(List.of(new Bucket(1, 4), new Bucket(3, 2)), 2))
                .containsExactly(new BarChart.Bar("1", 4, false), new BarChart.Bar("2", 0, true),
                        new BarChart.Bar("3", 2, true));
        assertThat(IntStream.of(0, 1, 4, 5, 6, 10, 11, 24, 26, 99, 101, 20_000).map(ReportNumbers::tickStep).toArray())
                .containsExactly(1, 1, 1, 1, 2, 2, 5, 5, 10, 20, 50, 5_000);
    }

    @Test
    @DisplayName("the ranked list in rank order, everyone on it")
    void rankedList() {
        String text = text(pdf);
        String list = text.substring(text.indexOf("Ranked candidates"));
        assertThat(list).containsSubsequence("Rank", "Name", "Email", "Nominations", "Source", "Rounds", "Contacted",
                "Erin", "Gina", "Frank", "Hank", "Alice", "Bob", "Carol", "Dan");
        assertThat(list).containsPattern("Gina\\s+gina@acme\\.test\\s+3\\s+nominated\\s+1, 2\\s+round 2");
        // under each person: who named them, in which round, and why
        assertThat(list).containsSubsequence("Erin", "Alice (round 1): because Erin knows the site",
                "Bob (round 1): because Erin knows the site", "Carol (round 1): because Erin knows the site", "Gina",
                "Alice (round 1): because Gina knows the site", "Erin (round 2): because Gina knows the site", "Frank",
                "Hank", "Frank (round 2): because Hank knows the site", "Alice", "Bob");
    }

    @Test
    @DisplayName("a reason is wrapped at word breaks; line breaks typed in it become spaces; a long word is cut")
    void wrap() {
        com.itextpdf.kernel.font.PdfFont font = ReportFonts.helvetica().regular();
        assertThat(RankedList.wrap("knows the site", font, 400)).containsExactly("knows the site");
        assertThat(RankedList.wrap("first line\r\nsecond\tline", font, 400)).containsExactly("first line second line");
        float narrow = font.getWidth("knows the", RankedList.NOTE_SIZE) + 1;
        assertThat(RankedList.wrap("knows the site well", font, narrow)).containsExactly("knows the", "site well");
        assertThat(RankedList.wrap("x".repeat(60), font, narrow)).hasSizeGreaterThan(1)
                .allSatisfy(line -> assertThat(font.getWidth(line, RankedList.NOTE_SIZE)).isLessThanOrEqualTo(narrow));
    }

    @Test
    @DisplayName("a campaign without rounds or people: empty charts and an empty list, still a valid report")
    void emptyCampaign() throws IOException {
        CampaignId empty = wrt().campaign(script.organisation, script.admin);
        projections().awaitCaughtUp();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.write(script.organisation, empty, out);
        Files.write(Path.of("target", "campaign-report-empty.pdf"), out.toByteArray());

        String text = text(out.toByteArray());
        assertThat(text).contains("Future of work", "no data yet", "No people in this campaign yet.",
                "there are none yet");
        assertThat(text).containsPattern("Contacted\\s+0").containsPattern("Still unnamed \\(Chao1\\)\\s+\u2013");
    }

    @Test
    @DisplayName("an unknown campaign, or another organisation's, is not found and nothing is written")
    void notFound() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> report.write(script.organisation, CampaignId.random(), out))
                .isInstanceOf(ReportNotFound.class);
        assertThatThrownBy(() -> report.write(OrganisationId.random(), script.campaign, out))
                .isInstanceOf(ReportNotFound.class);
        assertThat(out.size()).isZero();
    }

    @Test
    @DisplayName("thousands of candidates: pages are written out while rows still come, header on every page")
    void largeList() {
        int total = 3_000;
        CampaignReadModel readModel = mock(CampaignReadModel.class);
        TenantDirectory tenants = mock(TenantDirectory.class);
        OrganisationId organisation = OrganisationId.random();
        CampaignId campaign = CampaignId.random();
        when(tenants.organisationName(organisation)).thenReturn(Optional.of("Stichting Grote Lijsten"));
        when(readModel.campaign(organisation, campaign)).thenReturn(Optional.of(new CampaignView(campaign,
                "A campaign with a rather long name that goes on and on, to see how the footer copes with it",
                "", "", 3, 14, false, 0, "COMPLETED", Instant.parse("2026-01-05T09:00:00Z"),
                Instant.parse("2026-03-01T17:00:00Z"), total, 40, total - 40, 0, 12, null, 900, 640, 640 / 900.0,
                4200, 310)));
        List<RoundCount> perRound = new ArrayList<>();
        int[] newNames = {40, 380, 610, 540, 420, 300, 240, 160, 120, 90, 60, 40};
        for (int r = 0; r < newNames.length; r++) {
            perRound.add(new RoundCount(r + 1, newNames[r]));
        }
        when(readModel.statistics(new FindStatistics(organisation, campaign))).thenReturn(new StatisticsView(900, 640, 640 / 900.0, 4200,
                2960, 12, 12, perRound, List.of(new Bucket(1, 1900), new Bucket(2, 600), new Bucket(3, 150),
                new Bucket(4, 120), new Bucket(5, 80), new Bucket(6, 50), new Bucket(7, 30), new Bucket(9, 20),
                new Bucket(12, 10)), List.of(), List.of(), 1900, 600, 5968.3, 3008));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long[] writtenBeforeLast = {-1};
        doAnswer(call -> {
            Consumer<CandidateView> consumer = call.getArgument(3);
            for (int i = 1; i <= total; i++) {
                if (i == total) {
                    writtenBeforeLast[0] = out.size();
                }
                int nominations = Math.max(0, 12 - i / 10);
                consumer.accept(new CandidateView(i, PersonId.random(),
                        i == 2 ? "Maximiliane Wilhelmina Theodora von Oppenheim-Grünewald"
                                : i == 4 ? "Łukasz Żółć 王" : "Person " + i,
                        i == 3 ? "a.very.long.address.without.any.break.in.it@subdomain.example-organisation.test"
                                : "p" + i + "@acme.test",
                        nominations, nominations >= 3, i % 7 == 0 ? "SEED" : "NOMINATED", List.of(1, 2, 3),
                        i % 3 == 0 ? null : 2, Instant.parse("2026-01-01T00:00:00Z"),
                        i % 5 == 0 ? List.of(new ReasonView(PersonId.random(), "", PersonId.random(), "Nominator " + i,
                                1, LONG_REASON + " (" + i + ")")) : List.of()));
            }
            return null;
        }).when(readModel).eachCandidate(any(), any(), any(), any());
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T08:30:00Z"), ZoneOffset.UTC);

        EffectiveZones zones = mock(EffectiveZones.class);
        when(zones.of(organisation, campaign)).thenReturn(ZoneId.of("UTC"));
        new CampaignPdfReport(readModel, mock(RoundReadModel.class), tenants, zones,
                new StaticListableBeanFactory(Map.of("clock", clock)).getBeanProvider(Clock.class))
                .write(organisation, campaign, out);

        byte[] bytes = out.toByteArray();
        writeQuietly(Path.of("target", "campaign-report-large.pdf"), bytes);
        assertThat(writtenBeforeLast[0]).isGreaterThan(bytes.length / 2);
        try (PdfDocument document = read(bytes)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(40);
            String last = PdfTextExtractor.getTextFromPage(document.getPage(pages));
            assertThat(last).contains("Rank", "Nominations", "Person " + total, "page " + pages + " of " + pages);
        }
        String text = text(bytes);
        // a long reason wraps onto further lines under its person instead of being cut
        assertThat(text).contains("Nominator 5 (round 1): She started", "decade. (5)",
                "decade. (" + total + ")");
        // Helvetica has no Ł or 王: visibly replaced rather than silently dropped
        assertThat(text).contains("?ukasz Zó?c ?");
        assertThat(text).contains("Generated 2 Mar 2026, 08:30 UTC").containsPattern("Completed\\s+1 Mar 2026");
    }

    private static final String LONG_REASON = "She started the repair café, runs the tenants' association, knows "
            + "every family in the north blocks by name and has mediated between the council and the estate for a "
            + "decade.";

    private static PdfDocument read(byte[] bytes) {
        try {
            return new PdfDocument(new PdfReader(new ByteArrayInputStream(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(byte[] bytes) {
        try (PdfDocument document = read(bytes)) {
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                text.append(PdfTextExtractor.getTextFromPage(document.getPage(page))).append('\n');
            }
            return text.toString();
        }
    }

    private static void writeQuietly(Path path, byte[] bytes) {
        try {
            Files.write(path, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
