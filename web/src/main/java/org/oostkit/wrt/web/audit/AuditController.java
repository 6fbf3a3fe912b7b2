package org.oostkit.wrt.web.audit;

import com.opencsv.ICSVWriter;
import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.web.i18n.AuditTexts;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.oostkit.wrt.api.audit.AuditQueries.AuditEntry;
import org.oostkit.wrt.api.audit.AuditQueries.AuditFilter;
import org.oostkit.wrt.api.audit.AuditQueries.AuditTrailPage;
import org.oostkit.wrt.api.audit.AuditQueries.FindAuditEventTypes;
import org.oostkit.wrt.api.audit.AuditQueries.FindAuditTrail;
import org.oostkit.wrt.api.audit.IntegrityReport;
import org.oostkit.wrt.api.audit.VerifyIntegrity;
import org.oostkit.wrt.web.campaign.PageModel;
import org.oostkit.wrt.web.scope.CampaignScope;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.oostkit.wrt.web.security.ReadOnlyAction;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit trail of a campaign (admins and auditors): every event of the campaign and of its rounds,
 * invitations and nominations in global order, filtered, a page at a time (keyset paging: a page costs
 * the same at the start and the end of a long history), exported as CSV streamed page by page; and the
 * integrity check of the campaign's hash chains.
 * <p>
 * The integrity check is a POST because it is an explicit action that may take a while, but it only reads
 * (it records nothing, changes nothing), so auditors may run it like any other read; it answers with the
 * report directly instead of redirecting.
 */
@Controller
class AuditController {

    static final String TRAIL = "audit/trail";
    static final String INTEGRITY = "audit/integrity";
    static final int PAGE = 50;
    private static final int EXPORT_PAGE = FindAuditTrail.MAX_LIMIT;

    private final QueryGateway queries;

    AuditController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/org/{slug}/campaigns/{id}/audit")
    String trail(CampaignScope scope,
                 @RequestParam(required = false) String type, @RequestParam(required = false) String actor,
                 @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                 @RequestParam(required = false) Long after, @RequestParam(required = false) Long before,
                 Authentication authentication, Model model) {
        AuditLayout.layout(model, scope, AdminLanguage.text("title.audit", scope.campaign().name()),
                scope.base() + "/audit",
                authentication);
        Map<String, String> errors = new HashMap<>();
        Instant fromAt = instant(from, "from", errors);
        Instant toAt = instant(to, "to", errors);
        AuditFilter filter = new AuditFilter(type, actor, fromAt, toAt);
        List<String> types = queries.query(new FindAuditEventTypes(scope.organisation().organisationId(),
                scope.campaign().campaignId()), ResponseTypes.multipleInstancesOf(String.class)).join();
        List<TypeOption> options = types.stream().map(t -> new TypeOption(t, AuditFormat.label(t),
                t.equals(filter.eventType()))).sorted(Comparator.comparing(TypeOption::label)).toList();
        FilterForm form = new FilterForm(filter.eventType() == null ? "" : filter.eventType(),
                filter.actor() == null ? "" : filter.actor(), from == null ? "" : from, to == null ? "" : to);
        if (!errors.isEmpty()) {
            model.addAllAttributes(PageModel.attributes(new TrailPage(options, form, errors, List.of(), null, null,
                    null, null, null, null)));
            return TRAIL;
        }
        AuditTrailPage page = queries.query(new FindAuditTrail(scope.organisation().organisationId(),
                scope.campaign().campaignId(), filter, after, before, PAGE), AuditTrailPage.class).join();
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(scope.base() + "/audit");
        addFilter(link, filter, from, to);
        model.addAllAttributes(PageModel.attributes(new TrailPage(options, form, errors,
                page.entries().stream().map(entry -> Row.of(entry, page.nominators())).toList(),
                page.entries().isEmpty(), page.scanLimited(),
                addFilter(UriComponentsBuilder.fromPath(scope.base() + "/audit/export"), filter, from, to).build()
                        .encode().toUriString(),
                link.cloneBuilder().build().encode().toUriString(),
                page.previousBefore() == null ? null
                        : link.cloneBuilder().queryParam("before", page.previousBefore()).build().encode().toUriString(),
                page.nextAfter() == null ? null
                        : link.cloneBuilder().queryParam("after", page.nextAfter()).build().encode().toUriString())));
        return TRAIL;
    }

    @GetMapping("/org/{slug}/campaigns/{id}/audit/export")
    ResponseEntity<StreamingResponseBody> export(CampaignScope scope,
                                                 @RequestParam(required = false) String type,
                                                 @RequestParam(required = false) String actor,
                                                 @RequestParam(required = false) String from,
                                                 @RequestParam(required = false) String to,
                                                 Authentication authentication) {
        Map<String, String> errors = new HashMap<>();
        AuditFilter filter = new AuditFilter(type, actor, instant(from, "from", errors), instant(to, "to", errors));
        if (!errors.isEmpty()) {
            return ResponseEntity.badRequest().build();
        }
        StreamingResponseBody body = out -> {
            ICSVWriter writer = AuditCsv.writer(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
            AuditCsv.header(writer);
            Long after = null;
            do {
                AuditTrailPage page = queries.query(new FindAuditTrail(scope.organisation().organisationId(),
                        scope.campaign().campaignId(), filter, after, null, EXPORT_PAGE), AuditTrailPage.class).join();
                for (AuditEntry entry : page.entries()) {
                    AuditCsv.row(writer, entry);
                }
                writer.flush();
                after = page.nextAfter();
            } while (after != null);
            writer.flush();
        };
        String filename = "audit-" + scope.organisation().slug() + "-" + scope.campaign().campaignId() + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .body(body);
    }

    @ReadOnlyAction // reads the event store and changes nothing: auditors may run it
    @PostMapping("/org/{slug}/campaigns/{id}/audit/integrity")
    String integrity(CampaignScope scope, Authentication authentication, Model model) {
        AuditLayout.layout(model, scope, AdminLanguage.text("title.integrity", scope.campaign().name()),
                scope.base() + "/audit",
                authentication);
        IntegrityReport report = queries.query(VerifyIntegrity.campaign(scope.organisation().organisationId(),
                scope.campaign().campaignId()), IntegrityReport.class).join();
        model.addAttribute("report", report);
        model.addAttribute("intact", report.intact());
        model.addAttribute("checkedAt", AuditFormat.shown(report.checkedAt()));
        model.addAttribute("problems", report.problems());
        model.addAttribute("more", report.problemCount() > report.problems().size());
        model.addAttribute("listed", report.problems().size());
        return INTEGRITY;
    }

    /**
     * The audit trail page ({@code audit/trail}); with a filter in error it lists nothing, and the paging links
     * are null where there is no such page.
     */
    record TrailPage(List<TypeOption> types, FilterForm filter, Map<String, String> errors, List<Row> entries,
                     Boolean empty, Boolean scanLimited, String exportHref, String firstHref, String previousHref,
                     String nextHref) {
    }

    record TypeOption(String name, String label, boolean selected) {
    }

    /** The filter as typed. */
    record FilterForm(String type, String actor, String from, String to) {
    }

    /**
     * A row of the trail in the admin's language; a nominator shows as the person invited (the invitation's id stays,
     * for filtering).
     */
    record Row(long globalIndex, String time, String iso, String actor, String nominator, String eventType,
               String eventLabel, String summary) {

        static Row of(AuditEntry entry, Map<String, String> nominators) {
            return new Row(entry.globalIndex(), AuditFormat.shown(entry.timestamp()), entry.timestamp().toString(),
                    entry.actor(), nominators.get(entry.actor()), entry.eventType(),
                    AuditFormat.label(entry.eventType()), AuditTexts.summary(entry));
        }
    }

    private static UriComponentsBuilder addFilter(UriComponentsBuilder link, AuditFilter filter, String from, String to) {
        if (filter.eventType() != null) {
            link.queryParam("type", filter.eventType());
        }
        if (filter.actor() != null) {
            link.queryParam("actor", filter.actor());
        }
        if (from != null && !from.isBlank()) {
            link.queryParam("from", from.strip());
        }
        if (to != null && !to.isBlank()) {
            link.queryParam("to", to.strip());
        }
        return link;
    }

    private static Instant instant(String text, String field, Map<String, String> errors) {
        try {
            return AuditFormat.parse(text);
        } catch (IllegalArgumentException e) {
            errors.put(field, AdminLanguage.text("audit.error.moment"));
            return null;
        }
    }

}
