package org.oostkit.wrt.query.export;

import com.itextpdf.kernel.colors.Color;
import com.itextpdf.kernel.colors.ColorConstants;
import com.itextpdf.kernel.colors.DeviceRgb;
import com.itextpdf.kernel.events.PdfDocumentEvent;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.Cell;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.properties.UnitValue;
import com.opencsv.ICSVWriter;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.api.CampaignQueries.FindReferralGraph;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.NetworkInsightView;
import org.oostkit.wrt.query.api.ReasonView;
import org.oostkit.wrt.query.api.ShortlistView;
import org.oostkit.wrt.query.campaign.CampaignReadModel;
import org.oostkit.wrt.query.insight.NetworkInsight;
import org.oostkit.wrt.query.shortlist.ShortlistReadModel;
import org.oostkit.wrt.query.tenant.TenantDirectory;
import org.springframework.stereotype.Component;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The workshop shortlist for the board: each chosen person with their address, why they were named (every
 * nominator's reason), how many named them, their group in the referral network, the selection note and whether
 * they were told (from the shortlist read model, as the pages show it); as
 * CSV (formula-safe cells, as the ranked export) and as PDF (the report's fonts and page footer).
 */
@Component
public class ShortlistExport {

    static final String[] HEADER = {"Name", "Email", "Named by", "Why they were named", "Group", "Selection note",
            "Chosen at", "Chosen by", "Told"};

    private static final float MARGIN = 36f;
    private static final Color MUTED = new DeviceRgb(0x5F, 0x6B, 0x78);
    private static final Color HEADER_FILL = new DeviceRgb(0x2E, 0x3D, 0x4F);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final CampaignReadModel campaigns;
    private final ShortlistReadModel shortlists;
    private final TenantDirectory tenants;

    ShortlistExport(CampaignReadModel campaigns, ShortlistReadModel shortlists, TenantDirectory tenants) {
        this.campaigns = campaigns;
        this.shortlists = shortlists;
        this.tenants = tenants;
    }

    /** One exported row's facts. */
    record Row(ShortlistView.Entry entry, int nominations, List<ReasonView> reasons, Integer group, String told) {
    }

    /** The rows, in the order people were chosen. */
    List<Row> rows(OrganisationId organisation, CampaignId campaignId) {
        CampaignView campaign = campaigns.campaign(organisation, campaignId)
                .orElseThrow(() -> new ReportNotFound(organisation, campaignId));
        ShortlistView shortlist = shortlists.shortlist(organisation, campaignId);
        if (shortlist.entries().isEmpty()) {
            return List.of();
        }
        var graph = campaigns.graph(new FindReferralGraph(organisation, campaignId));
        NetworkInsightView insight = NetworkInsight.analyse(graph, campaign.convergenceThreshold());
        Map<PersonId, Integer> counts = new java.util.HashMap<>();
        graph.nodes().forEach(n -> counts.put(n.personId(), n.nominations()));
        Map<PersonId, List<ReasonView>> reasons = campaigns.reasonsIn(tenants.schemaFor(organisation), campaignId,
                shortlist.entries().stream().map(ShortlistView.Entry::personId).toList()).byNominee();
        return shortlist.entries().stream().map(e -> new Row(e, counts.getOrDefault(e.personId(), 0),
                reasons.getOrDefault(e.personId(), List.of()), insight.group(e.personId()),
                shortlist.mail(e.personId()).map(m -> m.told(MINUTE::format)).orElse("not told"))).toList();
    }

    static String reasons(List<ReasonView> reasons) {
        return CandidateCsvExport.reasons(reasons);
    }

    public void csv(OrganisationId organisation, CampaignId campaign, CsvOptions options, OutputStream out) {
        CsvOptions csv = options == null ? CsvOptions.DEFAULT : options;
        List<Row> rows = rows(organisation, campaign);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        ICSVWriter lines = CsvCells.writer(writer, csv.separator());
        try {
            if (csv.excelBom()) {
                writer.write('\uFEFF');
            }
            lines.writeNext(HEADER, false);
            for (Row row : rows) {
                ShortlistView.Entry e = row.entry();
                lines.writeNext(new String[]{CsvCells.neutralise(e.name()), CsvCells.neutralise(e.email()),
                        Integer.toString(row.nominations()), CsvCells.neutralise(reasons(row.reasons())),
                        row.group() == null ? "" : row.group().toString(), CsvCells.neutralise(e.note()),
                        MINUTE.format(e.chosenAt()), CsvCells.neutralise(actor(e.chosenBy())),
                        CsvCells.neutralise(row.told())}, false);
            }
            lines.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void pdf(OrganisationId organisation, CampaignId campaignId, OutputStream out) {
        String organisationName = tenants.organisationName(organisation)
                .orElseThrow(() -> new ReportNotFound(organisation, campaignId));
        CampaignView campaign = campaigns.campaign(organisation, campaignId)
                .orElseThrow(() -> new ReportNotFound(organisation, campaignId));
        ShortlistView shortlist = shortlists.shortlist(organisation, campaignId);
        List<Row> rows = rows(organisation, campaignId);
        PdfWriter writer = new PdfWriter(out);
        writer.setCloseStream(false);
        PdfDocument pdf = new PdfDocument(writer);
        pdf.getDocumentInfo().setTitle("Shortlist: " + campaign.name()).setAuthor(organisationName)
                .setCreator("Workshop Referral Tool");
        ReportFonts fonts = ReportFonts.helvetica();
        PageFooter footer = new PageFooter(pdf, fonts,
                fonts.printable("Shortlist \u00b7 " + campaign.name() + " \u00b7 " + organisationName), MARGIN);
        pdf.addEventHandler(PdfDocumentEvent.END_PAGE, footer);
        try (Document document = new Document(pdf, PageSize.A4.rotate())) {
            document.setMargins(MARGIN, MARGIN, MARGIN + 12, MARGIN);
            document.setFont(fonts.regular()).setFontSize(9);
            document.add(new Paragraph(fonts.printable("Workshop shortlist: " + campaign.name())).setFont(fonts.bold())
                    .setFontSize(18).setMarginBottom(0));
            document.add(new Paragraph(fonts.printable(organisationName) + " \u00b7 " + rows.size() + " "
                    + (rows.size() == 1 ? "person" : "people") + " \u00b7 " + (shortlist.closed()
                    ? "closed as final " + MINUTE.format(shortlist.closedAt()) + " by "
                    + fonts.printable(actor(shortlist.closedBy())) : "not closed yet: may still change"))
                    .setFontColor(MUTED).setFontSize(10));
            Table table = new Table(UnitValue.createPercentArray(new float[]{12, 14, 5, 30, 5, 16, 18}))
                    .useAllAvailableWidth();
            for (String heading : new String[]{"Name", "Email", "Named by", "Why they were named", "Group",
                    "Selection note", "Told"}) {
                table.addHeaderCell(new Cell().add(new Paragraph(heading)).setFont(fonts.bold())
                        .setFontColor(ColorConstants.WHITE).setBackgroundColor(HEADER_FILL));
            }
            for (Row row : rows) {
                ShortlistView.Entry e = row.entry();
                table.addCell(fonts.printable(e.name()));
                table.addCell(fonts.printable(e.email()));
                table.addCell(Integer.toString(row.nominations()));
                table.addCell(fonts.printable(reasons(row.reasons())));
                table.addCell(row.group() == null ? "" : row.group().toString());
                table.addCell(fonts.printable(e.note()));
                table.addCell(fonts.printable(row.told()));
            }
            document.add(table);
            document.add(new Paragraph("Groups are the communities of the referral network (who names whom); "
                    + "generated " + MINUTE.format(Instant.now()) + ".").setFontColor(MUTED).setFontSize(8));
            footer.writeTotal();
        }
    }

    /** "admin:ann@x.org" as a reader says it: the address. */
    static String actor(String actor) {
        if (actor == null) {
            return "";
        }
        return actor.startsWith("admin:") ? actor.substring("admin:".length()) : actor;
    }
}
