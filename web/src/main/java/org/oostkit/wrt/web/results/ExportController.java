package org.oostkit.wrt.web.results;

import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.query.export.CampaignPdfReport;
import org.oostkit.wrt.query.export.CandidateCsvExport;
import org.oostkit.wrt.query.export.CsvOptions;
import org.oostkit.wrt.web.campaign.AdminPages;
import org.oostkit.wrt.web.scope.CampaignScope;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;

/**
 * CSV and PDF downloads, streamed while the read side produces them (a large campaign is never held in
 * memory). Admins and auditors may export; the campaign must belong to the organisation of the URL.
 */
@Controller
class ExportController {

    private final AdminPages pages;
    private final CandidateCsvExport csv;
    private final CampaignPdfReport pdf;

    ExportController(AdminPages pages, CandidateCsvExport csv, CampaignPdfReport pdf) {
        this.pages = pages;
        this.csv = csv;
        this.pdf = pdf;
    }

    @GetMapping("/org/{slug}/campaigns/{id}/export/csv")
    ResponseEntity<StreamingResponseBody> csv(CampaignScope scope,
                                              @RequestParam(required = false) String above,
                                              @RequestParam(required = false) String nominated,
                                              @RequestParam(required = false) String round,
                                              @RequestParam(required = false) String from,
                                              @RequestParam(required = false) String to,
                                              @RequestParam(required = false) String bom,
                                              @RequestParam(required = false) String separator) {
        OrganisationView organisation = scope.organisation();
        CampaignView campaign = scope.campaign();
        ResultsFilter filter = ResultsFilter.of(above, nominated, round, from, to);
        CsvOptions options = new CsvOptions("true".equals(bom) || "on".equals(bom),
                "semicolon".equals(separator) ? ';' : ',');
        StreamingResponseBody body = out -> csv.write(organisation.organisationId(), campaign.campaignId(),
                filter.toQuery(pages.zone(organisation, campaign)), options, out);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(campaign, filter.any() ? "candidates-filtered"
                        : "candidates", "csv"))
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(body);
    }

    @GetMapping("/org/{slug}/campaigns/{id}/export/pdf")
    ResponseEntity<StreamingResponseBody> pdf(CampaignScope scope) {
        OrganisationView organisation = scope.organisation();
        CampaignView campaign = scope.campaign();
        StreamingResponseBody body = out -> pdf.write(organisation.organisationId(), campaign.campaignId(), out);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(campaign, "report", "pdf"))
                .contentType(MediaType.APPLICATION_PDF)
                .body(body);
    }

    /** "future-of-work-candidates-2026-11-22.csv", with the campaign's own name for clients that take it. */
    private static String attachment(CampaignView campaign, String what, String extension) {
        String ascii = Normalizer.normalize(campaign.name(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (ascii.isEmpty()) {
            ascii = "campaign";
        }
        if (ascii.length() > 60) {
            ascii = ascii.substring(0, 60);
        }
        String name = ascii + "-" + what + "-" + LocalDate.now() + "." + extension;
        return ContentDisposition.attachment().filename(name).build().toString();
    }
}
