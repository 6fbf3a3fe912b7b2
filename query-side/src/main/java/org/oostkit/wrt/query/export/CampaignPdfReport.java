package org.oostkit.wrt.query.export;

import com.itextpdf.kernel.colors.Color;
import com.itextpdf.kernel.colors.DeviceRgb;
import com.itextpdf.kernel.events.PdfDocumentEvent;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.canvas.draw.SolidLine;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.borders.Border;
import com.itextpdf.layout.element.Cell;
import com.itextpdf.layout.element.Image;
import com.itextpdf.layout.element.LineSeparator;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.element.Text;
import com.itextpdf.layout.properties.UnitValue;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.api.CampaignQueries.CandidateFilter;
import org.oostkit.wrt.query.api.CampaignQueries.FindStatistics;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.ReasonView;
import org.oostkit.wrt.query.api.RoundQueries.FindRounds;
import org.oostkit.wrt.query.api.RoundView;
import org.oostkit.wrt.query.api.StatisticsView.Bucket;
import org.oostkit.wrt.query.api.StatisticsView;
import org.oostkit.wrt.query.campaign.CampaignReadModel;
import org.oostkit.wrt.query.round.RoundReadModel;
import org.oostkit.wrt.query.tenant.TenantDirectory;
import org.oostkit.wrt.query.time.EffectiveZones;
import org.oostkit.wrt.query.time.LocalTimes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A campaign report as PDF (A4), its ranked list streamed and drawn row by row ({@link RankedList}) so that tens
 * of thousands of people take seconds and little memory.
 */
@Component
public class CampaignPdfReport {

    static final String SATURATION_TITLE = "Saturation: new names per round";
    static final String DISTRIBUTION_TITLE = "Distribution: people per number of nominators";

    private static final float MARGIN = 42f;
    private static final Color INK = new DeviceRgb(0x22, 0x2B, 0x36);
    private static final Color MUTED = new DeviceRgb(0x5F, 0x6B, 0x78);
    private static final Color RULE = new DeviceRgb(0xD5, 0xDA, 0xE0);
    private static final Color HEADER = new DeviceRgb(0x2E, 0x3D, 0x4F);
    private static final Color CONVERGED = new DeviceRgb(0xE3, 0xF1, 0xE7);
    private final CampaignReadModel campaigns;
    private final RoundReadModel rounds;
    private final TenantDirectory tenants;
    private final EffectiveZones zones;
    private final Clock clock;

    CampaignPdfReport(CampaignReadModel campaigns, RoundReadModel rounds, TenantDirectory tenants,
                      EffectiveZones zones, ObjectProvider<Clock> clock) {
        this.campaigns = campaigns;
        this.rounds = rounds;
        this.tenants = tenants;
        this.zones = zones;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Writes the report to {@code out}, left open; {@link ReportNotFound} before writing anything. */
    public void write(OrganisationId organisation, CampaignId campaignId, OutputStream out) {
        String organisationName = tenants.organisationName(organisation)
                .orElseThrow(() -> new ReportNotFound(organisation, campaignId));
        CampaignView campaign = campaigns.campaign(organisation, campaignId)
                .orElseThrow(() -> new ReportNotFound(organisation, campaignId));
        StatisticsView statistics = campaigns.statistics(new FindStatistics(organisation, campaignId));
        ZoneId zone = zones.of(organisation, campaignId);
        List<RoundView> roundList = rounds.rounds(new FindRounds(organisation, campaignId));

        PdfWriter writer = new PdfWriter(out);
        writer.setCloseStream(false);
        PdfDocument pdf = new PdfDocument(writer);
        pdf.getDocumentInfo().setTitle(campaign.name()).setAuthor(organisationName)
                .setCreator("Workshop Referral Tool");
        ReportFonts fonts = ReportFonts.helvetica();
        PageFooter footer = new PageFooter(pdf, fonts,
                fonts.printable(campaign.name() + " \u00b7 " + organisationName), MARGIN);
        pdf.addEventHandler(PdfDocumentEvent.END_PAGE, footer);
        try (Document document = new Document(pdf, PageSize.A4)) {
            document.setMargins(MARGIN, MARGIN, MARGIN + 12, MARGIN);
            document.setFont(fonts.regular()).setFontSize(9.5f).setFontColor(INK);
            title(document, fonts, campaign, organisationName, roundList, zone);
            statistics(document, fonts, campaign, statistics);
            charts(document, pdf, fonts, campaign, statistics);
            candidates(document, pdf, fonts, organisation, campaign);
            footer.writeTotal();
        }
    }

    private void title(Document document, ReportFonts fonts, CampaignView campaign, String organisationName,
                       List<RoundView> roundList, ZoneId zone) {
        document.add(new Paragraph(fonts.printable(campaign.name())).setFont(fonts.bold()).setFontSize(20)
                .setMarginBottom(0));
        document.add(new Paragraph(fonts.printable(organisationName)).setFontSize(12).setFontColor(MUTED)
                .setMarginTop(0));
        String rounds = campaign.rounds() + (campaign.rounds() == 1 ? " round" : " rounds")
                + (campaign.openRound() == null ? "" : " (round " + campaign.openRound() + " open)");
        document.add(facts(fonts, new String[][]{
                {"Created", campaign.createdAt() == null ? "\u2013" : LocalTimes.shortDay(campaign.createdAt(), zone)},
                {"Completed", campaign.completedAt() == null ? "not yet"
                        : LocalTimes.shortDay(campaign.completedAt(), zone)},
                {"Rounds", rounds},
                {"Threshold", campaign.convergenceThreshold() + " distinct nominators"}}));
        // one line per round: the deadline reads exactly as in the mails and on the pages
        for (RoundView round : roundList) {
            document.add(new Paragraph().setMarginTop(round.number() == 1 ? 6 : 0).setMarginBottom(0)
                    .add(new Text("Round " + round.number() + ": ").setFont(fonts.bold()))
                    .add((round.open() ? "open, deadline " : "deadline ") + LocalTimes.moment(round.deadline(), zone)
                            + (round.closedAt() == null ? "" : "; closed "
                            + LocalTimes.shortMoment(round.closedAt(), zone))));
        }
        document.add(new Paragraph("Generated " + LocalTimes.shortMoment(Instant.now(clock), zone)
                + ". Times are in " + LocalTimes.zoneName(Instant.now(clock), zone) + ".").setFontSize(8)
                .setFontColor(MUTED).setMarginTop(4));
        SolidLine rule = new SolidLine(0.5f);
        rule.setColor(RULE);
        document.add(new LineSeparator(rule).setMarginTop(2).setMarginBottom(6));
    }

    private void statistics(Document document, ReportFonts fonts, CampaignView campaign, StatisticsView s) {
        document.add(heading("Statistics", fonts));
        document.add(facts(fonts, new String[][]{
                {"Contacted", Integer.toString(s.contacted())},
                {"Responded", Integer.toString(s.responded())},
                {"Response rate", s.contacted() == 0 ? "\u2013" : ReportNumbers.percent(s.responseRate())},
                {"Nominations", Integer.toString(s.nominations())},
                {"Distinct people named", Integer.toString(s.distinctNominees())},
                {"Rounds completed", s.roundsCompleted() + " of " + s.rounds()},
                {"At or above threshold", Integer.toString(campaign.aboveThreshold())},
                {"Still unnamed (Chao1)", s.distinctNominees() == 0 ? "\u2013"
                        : Integer.toString(s.estimatedUnnamed())}}));
        // The estimate is only as good as its inputs; say what it rests on rather than presenting a bare number.
        String chao1 = s.distinctNominees() == 0
                ? "Chao1 estimates how many relevant people exist in all from those named by exactly one and exactly "
                + "two nominators; it needs nominations, and there are none yet."
                : "Chao1 estimates how many relevant people exist in all from those named by exactly one ("
                + s.namedOnce() + ") and exactly two (" + s.namedTwice() + ") nominators: "
                + String.format(Locale.ROOT, "%.1f", s.chao1()) + " in all against " + s.distinctNominees()
                + " named so far, so about " + s.estimatedUnnamed() + " still to be found; many people named only "
                + "once mean further rounds would likely find more.";
        document.add(new Paragraph(chao1).setFontSize(8).setFontColor(MUTED).setMarginTop(4));
    }

    private void charts(Document document, PdfDocument pdf, ReportFonts fonts, CampaignView campaign,
                        StatisticsView s) {
        BarChart saturation = new BarChart("round", s.newNamesPerRound().stream()
                .map(r -> new BarChart.Bar(Integer.toString(r.round()), r.count(), false)).toList());
        BarChart distribution = new BarChart("distinct nominators",
                distributionBars(s.distribution(), campaign.convergenceThreshold()));
        float width = (PageSize.A4.getWidth() - 2 * MARGIN - 24) / 2;
        Table charts = new Table(UnitValue.createPercentArray(new float[]{1, 1})).useAllAvailableWidth()
                .setKeepTogether(true).setMarginTop(10);
        charts.addCell(chartCell(SATURATION_TITLE, "A falling curve means the list is saturating.",
                saturation, pdf, fonts, width).setPaddingRight(12));
        charts.addCell(chartCell(DISTRIBUTION_TITLE, "Green bars: at or above the threshold of "
                + campaign.convergenceThreshold() + ".", distribution, pdf, fonts, width).setPaddingLeft(12));
        document.add(charts);
    }

    /** One bar for each count of nominators from 1 to the highest, empty counts included, so gaps show. */
    static List<BarChart.Bar> distributionBars(List<Bucket> buckets, int threshold) {
        Map<Integer, Integer> people = buckets.stream().collect(Collectors.toMap(Bucket::nominators, Bucket::people));
        int highest = buckets.stream().mapToInt(Bucket::nominators).max().orElse(0);
        List<BarChart.Bar> bars = new ArrayList<>();
        for (int n = 1; n <= highest; n++) {
            bars.add(new BarChart.Bar(Integer.toString(n), people.getOrDefault(n, 0), n >= threshold));
        }
        return bars;
    }

    private static Cell chartCell(String title, String caption, BarChart chart, PdfDocument pdf, ReportFonts fonts,
                                  float width) {
        return new Cell().setBorder(Border.NO_BORDER).setPadding(0)
                .add(new Paragraph(title).setFont(fonts.bold()).setFontSize(10).setMarginBottom(0))
                .add(new Paragraph(caption).setFontSize(7.5f).setFontColor(MUTED).setMarginTop(0).setMarginBottom(4))
                .add(new Image(chart.draw(pdf, fonts, width, 150)));
    }

    private void candidates(Document document, PdfDocument pdf, ReportFonts fonts, OrganisationId organisation,
                            CampaignView campaign) {
        document.add(heading("Ranked candidates", fonts).setMarginTop(14));
        document.add(new Paragraph().setFontSize(8).setFontColor(MUTED).setMarginTop(0)
                .add("Ranked by distinct nominators. ")
                .add(new Text("Bold rows on green").setFont(fonts.bold()).setBackgroundColor(CONVERGED))
                .add(" were named by at least " + campaign.convergenceThreshold() + " (the threshold). Under a "
                        + "person, in small type: each nominator who gave a reason, the round, and the reason."));

        List<RankedList.Column> columns = List.of(new RankedList.Column("Rank", 0.06f, true),
                new RankedList.Column("Name", 0.22f, false), new RankedList.Column("Email", 0.30f, false),
                new RankedList.Column("Nominations", 0.12f, true), new RankedList.Column("Source", 0.11f, false),
                new RankedList.Column("Rounds", 0.09f, false), new RankedList.Column("Contacted", 0.10f, false));
        RankedList list = new RankedList(pdf, fonts, columns, MARGIN, MARGIN + 12, HEADER, CONVERGED, RULE, INK);
        list.start(pdf.getLastPage(), document.getRenderer().getCurrentArea().getBBox().getTop() - 4);
        campaigns.eachCandidate(organisation, campaign.campaignId(), CandidateFilter.ALL, c -> {
            list.row(new String[]{
                    Integer.toString(c.rank()), c.name(), c.email(), Integer.toString(c.nominations()),
                    CandidateCsvExport.source(c.source()),
                    c.rounds().stream().map(String::valueOf).collect(Collectors.joining(", ")),
                    c.contactedRound() == null ? "" : "round " + c.contactedRound()}, c.aboveThreshold());
            list.notes(reasons(c.reasons()), MUTED);
        });
        list.finish("No people in this campaign yet.", MUTED);
    }

    /** "Ann Lee (round 2): leads the tenants' group" for each reason given. */
    static List<String> reasons(List<ReasonView> reasons) {
        return reasons.stream().filter(ReasonView::hasReason)
                .map(r -> r.nominatorName() + " (round " + r.roundNumber() + "): " + r.reason().strip()).toList();
    }

    private static Paragraph heading(String text, ReportFonts fonts) {
        return new Paragraph(text).setFont(fonts.bold()).setFontSize(13).setMarginBottom(4);
    }

    /** Label-value pairs, two pairs a row, without rules: a compact block of key figures. */
    private static Table facts(ReportFonts fonts, String[][] pairs) {
        Table table = new Table(UnitValue.createPercentArray(new float[]{24, 26, 24, 26})).useAllAvailableWidth();
        for (String[] pair : pairs) {
            table.addCell(new Cell().add(new Paragraph(pair[0])).setFontColor(MUTED).setBorder(Border.NO_BORDER)
                    .setPaddingTop(1).setPaddingBottom(1));
            table.addCell(new Cell().add(new Paragraph(pair[1])).setFont(fonts.bold()).setBorder(Border.NO_BORDER)
                    .setPaddingTop(1).setPaddingBottom(1));
        }
        return table;
    }
}
