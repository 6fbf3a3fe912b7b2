package org.oostkit.wrt.web.campaign;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.web.i18n.Refusals;
import jakarta.servlet.http.HttpSession;
import org.oostkit.wrt.api.campaign.CampaignCommands.AddSeedPeople;
import org.oostkit.wrt.api.campaign.SeedBatchResult;
import org.oostkit.wrt.api.campaign.SeedRowOutcome;
import org.oostkit.wrt.api.common.Emails;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaign;
import org.oostkit.wrt.query.api.CampaignQueries.FindRoster;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.RosterView;
import org.oostkit.wrt.web.scope.AdminOnly;
import org.oostkit.wrt.web.scope.CampaignScope;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The seed group's CSV import: upload → preview with a report per line → confirm, one command, nothing stored
 * before the confirmation.
 */
@Controller
class SeedImportController {

    static final String PREVIEW = "campaign/seed-preview";
    /** The pending import lives in the session, one per admin; the key keeps its old name so open previews survive a deploy. */
    static final String SESSION_KEY = "org.oostkit.wrt.web.campaign.SeedController.pending";
    /** Lines listed on the preview; the counts cover the rest. */
    static final int PREVIEW_ROWS = 500;

    private final AdminPages pages;
    private final SeedPage seedPage;

    SeedImportController(AdminPages pages, SeedPage seedPage) {
        this.pages = pages;
        this.seedPage = seedPage;
    }

    @PostMapping("/org/{slug}/campaigns/{id}/seed/upload")
    String upload(@AdminOnly CampaignScope scope,
                  @RequestParam(name = "file", required = false) MultipartFile file, HttpSession session,
                  Authentication authentication, Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            return seedPage.render(scope, "", "", Map.of(), AdminLanguage.text("seed.error.noFile"),
                    authentication, model);
        }
        if (file.getSize() > seedPage.maxSize().toBytes()) {
            return seedPage.render(scope, "", "", Map.of(), SeedPage.tooLarge(seedPage.maxSize(), seedPage.maxRows()), authentication,
                    model);
        }
        SeedCsv.Parsed parsed = SeedCsv.parse(file.getBytes(), seedPage.maxRows());
        if (parsed.failure() != null) {
            return seedPage.render(scope, "", "", Map.of(),
                    AdminLanguage.text("seed.error.nothingImported", fileName(file)) + " " + parsed.failure(), authentication, model);
        }
        RosterView roster = pages.query(new FindRoster(scope.organisationId(), scope.campaignId()),
                RosterView.class);
        Set<String> inCampaign = new HashSet<>();
        if (roster != null) {
            roster.people().forEach(p -> inCampaign.add(Emails.normalise(p.email())));
        }
        SeedImport pending = SeedImport.judge(UUID.randomUUID().toString(), scope.campaignId().value().toString(), fileName(file), parsed,
                inCampaign);
        session.setAttribute(SESSION_KEY, pending);
        return "redirect:" + scope.base() + "/seed/preview/" + pending.id();
    }

    @GetMapping("/org/{slug}/campaigns/{id}/seed/preview/{importId}")
    String preview(@AdminOnly CampaignScope scope, @PathVariable String importId,
                   HttpSession session, Authentication authentication, Model model, RedirectAttributes redirect) {
        SeedImport pending = pending(session, scope.campaignId().value(), importId);
        if (pending == null) {
            redirect.addFlashAttribute("flash", Map.of("kind", "warn", "message",
                    AdminLanguage.text("seed.error.previewGone")));
            return "redirect:" + scope.base() + "/seed";
        }
        model.addAllAttributes(pages.page(AdminLanguage.text("title.importPreview", pending.fileName()), scope.organisation(),
                authentication, "campaign"));
        model.addAllAttributes(PageModel.attributes(new PreviewPage(
                AdminPages.crumbs(scope.manage(), scope.organisation().name(), scope.base(), scope.campaign().name(),
                        scope.base() + "/seed", AdminLanguage.text("tab.seed"), null,
                        AdminLanguage.text("seed.preview.heading")),
                AdminPages.tabs(scope.slug(), scope.campaign(), "seed"), scope.base())));
        // "import" is a Java keyword, so no record component can carry the template's name for the preview
        model.addAttribute("import", preview(pending));
        return PREVIEW;
    }

    @PostMapping("/org/{slug}/campaigns/{id}/seed/confirm")
    String confirm(@AdminOnly CampaignScope scope, @RequestParam String importId,
                   HttpSession session, Authentication authentication, RedirectAttributes redirect) {
        String back = "redirect:" + scope.base() + "/seed";
        SeedImport pending = pending(session, scope.campaignId().value(), importId);
        if (pending == null) {
            redirect.addFlashAttribute("flash", Map.of("kind", "warn", "message",
                    AdminLanguage.text("seed.error.alreadyDone")));
            return back;
        }
        if (pending.rows().isEmpty()) {
            session.removeAttribute(SESSION_KEY);
            redirect.addFlashAttribute("flash", Map.of("kind", "warn", "message",
                    AdminLanguage.text("seed.error.nothingToImport", pending.fileName())));
            return back;
        }
        SeedBatchResult result;
        try {
            result = pages.send(new AddSeedPeople(scope.campaignId(), scope.organisationId(),
                    pending.rows()), authentication);
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("flash", Map.of("kind", "error", "message",
                    AdminLanguage.text("seed.error.refused", Refusals.text(refused))));
            return back;
        }
        session.removeAttribute(SESSION_KEY);
        int added = result.added().size();
        int expected = scope.campaign().seedPeople() + added;
        boolean visible = pages.caughtUp(new FindCampaign(scope.organisationId(), scope.campaignId()),
                CampaignView.class, view -> view != null && view.seedPeople() >= expected);
        List<ReportLine> report = new ArrayList<>();
        for (SeedImport.Line line : pending.notAdded()) {
            report.add(reportLine(line.line(), line.email(), label(line.verdict()), line.reason(), null));
        }
        for (SeedRowOutcome outcome : result.rejected()) {
            // judged again by the campaign: someone may have added the same person since the preview
            report.add(reportLine(outcome.line(), outcome.email(), label(outcome.result()), outcome.reason(), null));
        }
        report.sort(Comparator.comparingInt(ReportLine::line));
        String message = report.isEmpty() ? AdminLanguage.text("flash.imported", added, pending.fileName())
                : AdminLanguage.text("flash.importedSome", added, pending.fileName(), report.size());
        CampaignController.flash(redirect, visible, message);
        if (!report.isEmpty()) {
            redirect.addFlashAttribute("importReport", report);
            redirect.addFlashAttribute("hasImportReport", true);
        }
        return back;
    }

    @PostMapping("/org/{slug}/campaigns/{id}/seed/cancel")
    String cancel(@AdminOnly CampaignScope scope, HttpSession session, RedirectAttributes redirect) {
        session.removeAttribute(SESSION_KEY);
        redirect.addFlashAttribute("flash", Map.of("kind", "ok", "message", AdminLanguage.text("flash.importCancelled")));
        return "redirect:" + scope.base() + "/seed";
    }

    private static Preview preview(SeedImport pending) {
        List<ReportLine> notAdded = pending.notAdded().stream().map(line -> reportLine(line.line(), line.email(),
                label(line.verdict()), line.reason(), line.name())).toList();
        List<AddRow> toAdd = pending.toAdd().stream().limit(PREVIEW_ROWS)
                .map(line -> new AddRow(line.line(), line.name(), line.email())).toList();
        return new Preview(pending.id(), pending.fileName(), pending.understood(), pending.lines().size(),
                pending.count(SeedImport.Verdict.ADD), pending.count(SeedImport.Verdict.DUPLICATE),
                pending.count(SeedImport.Verdict.ALREADY_IN_CAMPAIGN), pending.count(SeedImport.Verdict.INVALID),
                pending.count(SeedImport.Verdict.ADD) > 0,
                notAdded.size() > PREVIEW_ROWS ? notAdded.subList(0, PREVIEW_ROWS) : notAdded, !notAdded.isEmpty(),
                Math.max(0, notAdded.size() - PREVIEW_ROWS), notAdded.size() > PREVIEW_ROWS, toAdd,
                Math.max(0, pending.toAdd().size() - PREVIEW_ROWS), pending.toAdd().size() > PREVIEW_ROWS);
    }

    private static SeedImport pending(HttpSession session, UUID campaignId, String importId) {
        Object stored = session.getAttribute(SESSION_KEY);
        if (stored instanceof SeedImport pending && pending.id().equals(importId)
                && pending.campaignId().equals(campaignId.toString())) {
            return pending;
        }
        return null;
    }

    private static ReportLine reportLine(int line, String email, String verdict, String reason, String name) {
        return new ReportLine(line, AdminPages.text(email), verdict, AdminPages.text(reason), name);
    }

    private static String label(SeedImport.Verdict verdict) {
        return switch (verdict) {
            case ADD -> AdminLanguage.text("seed.preview.toAdd");
            case DUPLICATE -> AdminLanguage.text("seed.verdict.duplicate");
            case ALREADY_IN_CAMPAIGN -> AdminLanguage.text("seed.verdict.already");
            case INVALID -> AdminLanguage.text("seed.preview.invalid");
        };
    }

    private static String label(SeedRowOutcome.Result result) {
        return switch (result) {
            case ADDED -> AdminLanguage.text("seed.verdict.added");
            case DUPLICATE_IN_BATCH -> AdminLanguage.text("seed.verdict.duplicate");
            case ALREADY_IN_CAMPAIGN -> AdminLanguage.text("seed.verdict.already");
            case INVALID -> AdminLanguage.text("seed.preview.invalid");
        };
    }

    private static String fileName(MultipartFile file) {
        String name = file.getOriginalFilename();
        if (name == null || name.isBlank()) {
            return "the file";
        }
        // browsers on Windows used to send the whole path
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }

    /** The import preview page ({@code campaign/seed-preview}). */
    record PreviewPage(List<AdminPages.Crumb> crumbs, List<AdminPages.NavItem> tabs, String base) {
    }

    /** The import preview, under {@code import}. */
    record Preview(String id, String fileName, String understood, int lines, long toAdd, long duplicates,
                   long already, long invalid, boolean canConfirm, List<ReportLine> notAdded, boolean hasNotAdded,
                   int notAddedMore, boolean hasNotAddedMore, List<AddRow> addRows, int addMore,
                   boolean hasAddMore) {
    }

    /** A person the import will add. */
    record AddRow(int line, String name, String email) {
    }

    /**
     * A line not (to be) imported, and why; {@code name} only in the preview. Serializable: the report after the
     * import travels as a flash attribute in the session.
     */
    record ReportLine(int line, String email, String verdict, String reason, String name) implements Serializable {
    }
}
