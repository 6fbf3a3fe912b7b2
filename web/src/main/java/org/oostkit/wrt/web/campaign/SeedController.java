package org.oostkit.wrt.web.campaign;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.oostkit.wrt.api.campaign.CampaignCommands.AddSeedPeople;
import org.oostkit.wrt.api.campaign.CampaignCommands.AddSeedPerson;
import org.oostkit.wrt.api.campaign.CampaignCommands.RemoveSeedPerson;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.campaign.SeedBatchResult;
import org.oostkit.wrt.api.campaign.SeedRowOutcome;
import org.oostkit.wrt.api.common.Emails;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.common.TextRule;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaign;
import org.oostkit.wrt.query.api.CampaignQueries.FindRoster;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.query.api.PersonView;
import org.oostkit.wrt.query.api.RosterView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The seed group: CSV import (upload → preview with a report per line → confirm, one command, nothing
 * stored before the confirmation), manual add and removal of people not asked yet.
 */
@Controller
class SeedController {

    static final String VIEW = "campaign/seed";
    static final String PREVIEW = "campaign/seed-preview";
    /** The pending import lives in the session: one per admin, replaced by the next upload. */
    static final String SESSION_KEY = SeedController.class.getName() + ".pending";
    /** Lines listed on the preview; the counts cover the rest. */
    static final int PREVIEW_ROWS = 500;

    private final AdminPages pages;
    private final DataSize maxSize;
    private final int maxRows;

    SeedController(AdminPages pages, @Value("${wrt.seeds.max-upload-size:2MB}") DataSize maxSize,
                   @Value("${wrt.seeds.max-rows:10000}") int maxRows) {
        this.pages = pages;
        this.maxSize = maxSize;
        this.maxRows = maxRows;
    }

    @GetMapping("/org/{slug}/campaigns/{id}/seed")
    String seed(@PathVariable String slug, @PathVariable UUID id, Authentication authentication, Model model) {
        OrganisationView organisation = pages.organisation(slug);
        CampaignView campaign = pages.campaign(organisation, id);
        return seedPage(organisation, campaign, "", "", Map.of(), null, authentication, model);
    }

    @PostMapping("/org/{slug}/campaigns/{id}/seed/upload")
    String upload(@PathVariable String slug, @PathVariable UUID id,
                  @RequestParam(name = "file", required = false) MultipartFile file, HttpSession session,
                  Authentication authentication, Model model) throws IOException {
        pages.requireAdmin(authentication, slug);
        OrganisationView organisation = pages.organisation(slug);
        CampaignView campaign = pages.campaign(organisation, id);
        if (file == null || file.isEmpty()) {
            return seedPage(organisation, campaign, "", "", Map.of(), "Choose a CSV file to import.",
                    authentication, model);
        }
        if (file.getSize() > maxSize.toBytes()) {
            return seedPage(organisation, campaign, "", "", Map.of(), tooLarge(maxSize, maxRows), authentication,
                    model);
        }
        SeedCsv.Parsed parsed = SeedCsv.parse(file.getBytes(), maxRows);
        if (parsed.failure() != null) {
            return seedPage(organisation, campaign, "", "", Map.of(),
                    "Nothing was imported from " + fileName(file) + ". " + parsed.failure(), authentication, model);
        }
        RosterView roster = pages.query(new FindRoster(organisation.organisationId(), campaign.campaignId()),
                RosterView.class);
        Set<String> inCampaign = new HashSet<>();
        if (roster != null) {
            roster.people().forEach(p -> inCampaign.add(Emails.normalise(p.email())));
        }
        SeedImport pending = SeedImport.judge(UUID.randomUUID().toString(), id.toString(), fileName(file), parsed,
                inCampaign);
        session.setAttribute(SESSION_KEY, pending);
        return "redirect:/org/" + slug + "/campaigns/" + id + "/seed/preview/" + pending.id();
    }

    @GetMapping("/org/{slug}/campaigns/{id}/seed/preview/{importId}")
    String preview(@PathVariable String slug, @PathVariable UUID id, @PathVariable String importId,
                   HttpSession session, Authentication authentication, Model model, RedirectAttributes redirect) {
        pages.requireAdmin(authentication, slug);
        OrganisationView organisation = pages.organisation(slug);
        CampaignView campaign = pages.campaign(organisation, id);
        SeedImport pending = pending(session, id, importId);
        if (pending == null) {
            redirect.addFlashAttribute("flash", Map.of("kind", "warn", "message",
                    "That import preview is no longer available (it was confirmed, cancelled or replaced). "
                            + "Upload the file again."));
            return "redirect:/org/" + slug + "/campaigns/" + id + "/seed";
        }
        model.addAllAttributes(pages.page("Import preview: " + pending.fileName(), organisation, authentication,
                "campaign"));
        model.addAttribute("crumbs", AdminPages.crumbs("/org/" + slug + "/manage", organisation.name(),
                "/org/" + slug + "/campaigns/" + id, campaign.name(),
                "/org/" + slug + "/campaigns/" + id + "/seed", "Seed group", null, "Import preview"));
        model.addAttribute("tabs", AdminPages.tabs(slug, campaign, "seed"));
        model.addAttribute("base", "/org/" + slug + "/campaigns/" + id);
        model.addAttribute("import", previewModel(pending));
        return PREVIEW;
    }

    @PostMapping("/org/{slug}/campaigns/{id}/seed/confirm")
    String confirm(@PathVariable String slug, @PathVariable UUID id, @RequestParam String importId,
                   HttpSession session, Authentication authentication, RedirectAttributes redirect) {
        pages.requireAdmin(authentication, slug);
        OrganisationView organisation = pages.organisation(slug);
        CampaignView campaign = pages.campaign(organisation, id);
        String back = "redirect:/org/" + slug + "/campaigns/" + id + "/seed";
        SeedImport pending = pending(session, id, importId);
        if (pending == null) {
            redirect.addFlashAttribute("flash", Map.of("kind", "warn", "message",
                    "That import was already confirmed or cancelled; nothing more was imported."));
            return back;
        }
        if (pending.rows().isEmpty()) {
            session.removeAttribute(SESSION_KEY);
            redirect.addFlashAttribute("flash", Map.of("kind", "warn", "message",
                    "Nothing to import from " + pending.fileName() + ": no line can be added."));
            return back;
        }
        SeedBatchResult result;
        try {
            result = pages.send(new AddSeedPeople(campaign.campaignId(), organisation.organisationId(),
                    pending.rows()), authentication);
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("flash", Map.of("kind", "error", "message",
                    "Nothing was imported: " + refused.getMessage()));
            return back;
        }
        session.removeAttribute(SESSION_KEY);
        int added = result.added().size();
        int expected = campaign.seedPeople() + added;
        boolean visible = pages.caughtUp(new FindCampaign(organisation.organisationId(), campaign.campaignId()),
                CampaignView.class, view -> view != null && view.seedPeople() >= expected);
        List<Map<String, Object>> report = new ArrayList<>();
        for (SeedImport.Line line : pending.notAdded()) {
            report.add(reportLine(line.line(), line.email(), label(line.verdict()), line.reason()));
        }
        for (SeedRowOutcome outcome : result.rejected()) {
            // judged again by the campaign: someone may have added the same person since the preview
            report.add(reportLine(outcome.line(), outcome.email(), label(outcome.result()), outcome.reason()));
        }
        report.sort((a, b) -> Integer.compare((int) a.get("line"), (int) b.get("line")));
        String message = "Imported " + added + (added == 1 ? " person" : " people") + " from " + pending.fileName()
                + (report.isEmpty() ? "." : "; " + report.size() + (report.size() == 1 ? " line was" : " lines were")
                + " not imported (listed below).");
        CampaignController.flash(redirect, visible, message);
        if (!report.isEmpty()) {
            redirect.addFlashAttribute("importReport", report);
            redirect.addFlashAttribute("hasImportReport", true);
        }
        return back;
    }

    @PostMapping("/org/{slug}/campaigns/{id}/seed/cancel")
    String cancel(@PathVariable String slug, @PathVariable UUID id, HttpSession session,
                  Authentication authentication, RedirectAttributes redirect) {
        pages.requireAdmin(authentication, slug);
        session.removeAttribute(SESSION_KEY);
        redirect.addFlashAttribute("flash", Map.of("kind", "ok", "message", "Import cancelled; nothing was stored."));
        return "redirect:/org/" + slug + "/campaigns/" + id + "/seed";
    }

    @PostMapping("/org/{slug}/campaigns/{id}/seed/add")
    String add(@PathVariable String slug, @PathVariable UUID id, @RequestParam(defaultValue = "") String name,
               @RequestParam(defaultValue = "") String email, Authentication authentication, Model model,
               HttpServletResponse response, RedirectAttributes redirect) {
        pages.requireAdmin(authentication, slug);
        OrganisationView organisation = pages.organisation(slug);
        CampaignView campaign = pages.campaign(organisation, id);
        Map<String, String> errors = new LinkedHashMap<>();
        String normalised = Emails.normalise(email);
        if (normalised.isEmpty()) {
            errors.put("email", "Enter an email address.");
        } else if (!Emails.isValid(normalised)) {
            errors.put("email", "“" + TextRule.visible(email.strip()) + "” is not a valid email address.");
        }
        String nameProblem = TextRule.PERSON_NAME.problem(name);
        if (nameProblem != null) {
            errors.put("name", TextRule.sentence(nameProblem));
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return seedPage(organisation, campaign, name, email, errors, null, authentication, model);
        }
        try {
            pages.send(new AddSeedPerson(campaign.campaignId(), organisation.organisationId(),
                    TextRule.PERSON_NAME.clean(name), normalised), authentication);
        } catch (RuleViolation refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            String field = "already-in-campaign".equals(refused.rule()) || "person-invalid".equals(refused.rule())
                    ? "email" : null;
            return seedPage(organisation, campaign, name, email,
                    field == null ? Map.of() : Map.of(field, refused.getMessage()),
                    field == null ? refused.getMessage() : null, authentication, model);
        }
        int expected = campaign.seedPeople() + 1;
        boolean visible = pages.caughtUp(new FindCampaign(organisation.organisationId(), campaign.campaignId()),
                CampaignView.class, view -> view != null && view.seedPeople() >= expected);
        CampaignController.flash(redirect, visible, "Added " + (name.isBlank() ? normalised : name.strip() + " ("
                + normalised + ")") + " to the seed group.");
        return "redirect:/org/" + slug + "/campaigns/" + id + "/seed";
    }

    @PostMapping("/org/{slug}/campaigns/{id}/seed/{personId}/remove")
    String remove(@PathVariable String slug, @PathVariable UUID id, @PathVariable UUID personId,
                  Authentication authentication, Model model, RedirectAttributes redirect) {
        pages.requireAdmin(authentication, slug);
        OrganisationView organisation = pages.organisation(slug);
        CampaignView campaign = pages.campaign(organisation, id);
        try {
            pages.send(new RemoveSeedPerson(campaign.campaignId(), organisation.organisationId(),
                    new PersonId(personId)), authentication);
        } catch (RuleViolation refused) {
            return seedPage(organisation, campaign, "", "", Map.of(), refused.getMessage(), authentication, model);
        }
        int expected = campaign.seedPeople() - 1;
        boolean visible = pages.caughtUp(new FindCampaign(organisation.organisationId(), campaign.campaignId()),
                CampaignView.class, view -> view != null && view.seedPeople() <= expected);
        CampaignController.flash(redirect, visible, "Removed from the seed group.");
        return "redirect:/org/" + slug + "/campaigns/" + id + "/seed";
    }

    private String seedPage(OrganisationView organisation, CampaignView campaign, String name, String email,
                            Map<String, String> errors, String error, Authentication authentication, Model model) {
        String slug = organisation.slug();
        String base = "/org/" + slug + "/campaigns/" + campaign.campaignId();
        model.addAllAttributes(pages.page("Seed group of " + campaign.name(), organisation, authentication,
                "campaign"));
        model.addAttribute("crumbs", AdminPages.crumbs("/org/" + slug + "/manage", organisation.name(), base,
                campaign.name(), null, "Seed group"));
        model.addAttribute("tabs", AdminPages.tabs(slug, campaign, "seed"));
        model.addAttribute("base", base);
        model.addAttribute("campaignName", campaign.name());
        model.addAttribute("editable", !campaign.completed());
        RosterView roster = pages.query(new FindRoster(organisation.organisationId(), campaign.campaignId()),
                RosterView.class);
        List<Map<String, Object>> seeds = new ArrayList<>();
        if (roster != null) {
            for (PersonView person : roster.people()) {
                if ("SEED".equals(person.source())) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("personId", person.personId().toString());
                    row.put("name", AdminPages.text(person.name()));
                    row.put("email", AdminPages.text(person.email()));
                    row.put("asked", person.contactedRound() != null);
                    row.put("askedRound", person.contactedRound() == null ? "" : person.contactedRound().toString());
                    row.put("removable", person.contactedRound() == null && !campaign.completed());
                    seeds.add(row);
                }
            }
        }
        model.addAttribute("seeds", seeds);
        model.addAttribute("seedCount", seeds.size());
        model.addAttribute("hasSeeds", !seeds.isEmpty());
        Map<String, Object> add = new LinkedHashMap<>();
        add.put("name", name);
        add.put("email", email);
        add.put("errors", new LinkedHashMap<>(errors));
        model.addAttribute("add", add);
        if (error != null) {
            model.addAttribute("error", error);
        }
        model.addAttribute("maxSize", human(maxSize));
        model.addAttribute("maxRows", String.format("%,d", maxRows));
        return VIEW;
    }

    private Map<String, Object> previewModel(SeedImport pending) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", pending.id());
        model.put("fileName", pending.fileName());
        model.put("understood", pending.understood());
        model.put("lines", pending.lines().size());
        model.put("toAdd", pending.count(SeedImport.Verdict.ADD));
        model.put("duplicates", pending.count(SeedImport.Verdict.DUPLICATE));
        model.put("already", pending.count(SeedImport.Verdict.ALREADY_IN_CAMPAIGN));
        model.put("invalid", pending.count(SeedImport.Verdict.INVALID));
        model.put("canConfirm", pending.count(SeedImport.Verdict.ADD) > 0);
        List<Map<String, Object>> notAdded = new ArrayList<>();
        for (SeedImport.Line line : pending.notAdded()) {
            Map<String, Object> row = reportLine(line.line(), line.email(), label(line.verdict()), line.reason());
            row.put("name", line.name());
            notAdded.add(row);
        }
        model.put("notAdded", notAdded.size() > PREVIEW_ROWS ? notAdded.subList(0, PREVIEW_ROWS) : notAdded);
        model.put("hasNotAdded", !notAdded.isEmpty());
        model.put("notAddedMore", Math.max(0, notAdded.size() - PREVIEW_ROWS));
        model.put("hasNotAddedMore", notAdded.size() > PREVIEW_ROWS);
        List<Map<String, Object>> toAdd = new ArrayList<>();
        for (SeedImport.Line line : pending.toAdd()) {
            if (toAdd.size() == PREVIEW_ROWS) {
                break;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("line", line.line());
            row.put("name", line.name());
            row.put("email", line.email());
            toAdd.add(row);
        }
        model.put("addRows", toAdd);
        model.put("addMore", Math.max(0, pending.toAdd().size() - PREVIEW_ROWS));
        model.put("hasAddMore", pending.toAdd().size() > PREVIEW_ROWS);
        return model;
    }

    private static SeedImport pending(HttpSession session, UUID campaignId, String importId) {
        Object stored = session.getAttribute(SESSION_KEY);
        if (stored instanceof SeedImport pending && pending.id().equals(importId)
                && pending.campaignId().equals(campaignId.toString())) {
            return pending;
        }
        return null;
    }

    private static Map<String, Object> reportLine(int line, String email, String verdict, String reason) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("line", line);
        row.put("email", AdminPages.text(email));
        row.put("verdict", verdict);
        row.put("reason", AdminPages.text(reason));
        return row;
    }

    private static String label(SeedImport.Verdict verdict) {
        return switch (verdict) {
            case ADD -> "to add";
            case DUPLICATE -> "duplicate";
            case ALREADY_IN_CAMPAIGN -> "already in campaign";
            case INVALID -> "invalid";
        };
    }

    private static String label(SeedRowOutcome.Result result) {
        return switch (result) {
            case ADDED -> "added";
            case DUPLICATE_IN_BATCH -> "duplicate";
            case ALREADY_IN_CAMPAIGN -> "already in campaign";
            case INVALID -> "invalid";
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

    /** The message for a file over the limit (also used when the servlet container refuses it). */
    static String tooLarge(DataSize maxSize, int maxRows) {
        return "The file is larger than " + human(maxSize) + ": nothing was imported. Import at most "
                + String.format("%,d", maxRows) + " people per file; split a larger list into several files.";
    }

    static String human(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }

}
