package org.oostkit.wrt.web.shortlist;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.web.i18n.FormErrors;
import jakarta.validation.Valid;
import org.oostkit.wrt.web.i18n.Refusals;
import org.oostkit.wrt.api.campaign.CampaignCommands.CloseShortlist;
import org.oostkit.wrt.api.campaign.CampaignCommands.RemoveFromShortlist;
import org.oostkit.wrt.api.campaign.CampaignCommands.ShortlistPerson;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.InsightQueries.FindNetworkInsight;
import org.oostkit.wrt.query.api.NetworkInsightView;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.query.api.ShortlistQueries.FindShortlist;
import org.oostkit.wrt.query.api.ShortlistView;
import org.oostkit.wrt.query.export.CsvOptions;
import org.oostkit.wrt.query.export.ShortlistExport;
import org.oostkit.wrt.query.time.LocalTimes;
import org.oostkit.wrt.web.campaign.AdminPages;
import org.oostkit.wrt.web.campaign.PageModel;
import org.oostkit.wrt.web.scope.AdminOnly;
import org.oostkit.wrt.web.scope.CampaignScope;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The workshop shortlist: the page (admins and auditors), choosing and taking people off and closing it as
 * final (admins), and its CSV and PDF exports.
 */
@Controller
class ShortlistController {

    private final AdminPages pages;
    private final ShortlistExport export;

    ShortlistController(AdminPages pages, ShortlistExport export) {
        this.pages = pages;
        this.export = export;
    }

    @GetMapping("/org/{slug}/campaigns/{id}/shortlist")
    String shortlist(CampaignScope scope, Authentication authentication, Model model) {
        OrganisationView organisation = scope.organisation();
        CampaignView campaign = scope.campaign();
        String slug = scope.slug();
        String base = scope.base();
        ZoneId zone = pages.zone(organisation, campaign);
        ShortlistView shortlist = pages.query(new FindShortlist(organisation.organisationId(), campaign.campaignId()),
                ShortlistView.class);
        NetworkInsightView insight = pages.query(new FindNetworkInsight(organisation.organisationId(),
                campaign.campaignId()), NetworkInsightView.class);
        List<Entry> rows = shortlist.entries().stream().map(e -> {
            Integer group = insight == null ? null : insight.group(e.personId());
            String told = ShortlistModel.told(shortlist.mail(e.personId()).orElse(null), zone);
            return new Entry(AdminPages.text(e.name()), AdminPages.text(e.email()), base + "/people/" + e.personId(),
                    e.personId().toString(), AdminPages.text(e.note()), !e.note().isEmpty(),
                    LocalTimes.shortMoment(e.chosenAt(), zone, AdminLanguage.locale()),
                    ShortlistModel.actor(e.chosenBy()),
                    group == null ? "" : group.toString(), told, !told.isEmpty());
        }).toList();
        model.addAllAttributes(pages.page(AdminLanguage.text("title.shortlist", campaign.name()), organisation,
                authentication, "campaign"));
        model.addAllAttributes(PageModel.attributes(new ShortlistPage(
                AdminPages.crumbs("/org/" + slug + "/manage", organisation.name(), base, campaign.name(),
                        base + "/results", AdminLanguage.text("tab.results"), null,
                        AdminLanguage.text("crumb.shortlist")),
                AdminPages.tabs(slug, campaign, "results"), base, campaign.name(), rows, rows.size(), !rows.isEmpty(),
                !ShortlistModel.toTell(shortlist).isEmpty(), shortlist.closed(),
                shortlist.closed() ? LocalTimes.shortMoment(shortlist.closedAt(), zone, AdminLanguage.locale()) : "",
                ShortlistModel.actor(shortlist.closedBy()), ShortlistModel.groupsCovered(shortlist, insight))));
        return "shortlist/shortlist";
    }

    @InitBinder("choose")
    void chooseRules(WebDataBinder binder) {
        binder.addValidators(new ChooseForm.Rules());
    }

    @PostMapping("/org/{slug}/campaigns/{id}/shortlist/choose")
    String choose(@AdminOnly CampaignScope scope, @RequestParam UUID person,
                  @Valid @ModelAttribute("choose") ChooseForm form, BindingResult binding,
                  Authentication authentication, RedirectAttributes redirect) {
        String note = form.getNote();
        String back = form.getBack();
        if (binding.hasErrors()) {
            redirect.addFlashAttribute("flash", Map.of("kind", "error", "message",
                    AdminLanguage.text("flash.notChosen", FormErrors.of(binding).get("note"))));
            return back(scope, back, person);
        }
        PersonId personId = new PersonId(person);
        return change(scope, back, person, authentication, redirect, AdminLanguage.text("flash.chosen"),
                campaign -> new ShortlistPerson(campaign.campaignId(), campaign.organisationId(), personId, note),
                view -> view.contains(personId));
    }

    @PostMapping("/org/{slug}/campaigns/{id}/shortlist/remove")
    String remove(@AdminOnly CampaignScope scope, @RequestParam UUID person,
                  @RequestParam(defaultValue = "") String back, Authentication authentication,
                  RedirectAttributes redirect) {
        PersonId personId = new PersonId(person);
        return change(scope, back, person, authentication, redirect, AdminLanguage.text("flash.takenOff"),
                campaign -> new RemoveFromShortlist(campaign.campaignId(), campaign.organisationId(), personId),
                view -> !view.contains(personId));
    }

    @PostMapping("/org/{slug}/campaigns/{id}/shortlist/close")
    String close(@AdminOnly CampaignScope scope, Authentication authentication, RedirectAttributes redirect) {
        return change(scope, "shortlist", null, authentication, redirect,
                AdminLanguage.text("person.closed"),
                campaign -> new CloseShortlist(campaign.campaignId(), campaign.organisationId()),
                ShortlistView::closed);
    }

    /** The campaign of the command (with its organisation). */
    private record Target(CampaignId campaignId, OrganisationId organisationId) {
    }

    private String change(CampaignScope scope, String back, UUID person, Authentication authentication,
                          RedirectAttributes redirect, String done,
                          Function<Target, Object> command, Predicate<ShortlistView> visible) {
        try {
            pages.send(command.apply(new Target(scope.campaignId(), scope.organisationId())), authentication);
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("flash", Map.of("kind", "error", "message", Refusals.text(refused)));
            return back(scope, back, person);
        }
        boolean seen = pages.caughtUp(new FindShortlist(scope.organisationId(), scope.campaignId()),
                ShortlistView.class, view -> view != null && visible.test(view));
        redirect.addFlashAttribute("flash", seen ? Map.of("kind", "ok", "message", done)
                : Map.of("kind", "warn", "message", done + " " + AdminLanguage.text("flash.pagesLag")));
        return back(scope, back, person);
    }

    /** Back to the page the choice was made on: the results, the person's page, or the shortlist. */
    private static String back(CampaignScope scope, String back, UUID person) {
        String base = "redirect:" + scope.base();
        return switch (back) {
            case "results" -> base + "/results" + (person == null ? "" : "#rank-" + person);
            case "person" -> person == null ? base + "/shortlist" : base + "/people/" + person;
            default -> base + "/shortlist";
        };
    }

    @GetMapping("/org/{slug}/campaigns/{id}/shortlist/export/csv")
    ResponseEntity<StreamingResponseBody> csv(CampaignScope scope, @RequestParam(required = false) String bom) {
        OrganisationView organisation = scope.organisation();
        CampaignView campaign = scope.campaign();
        CsvOptions options = new CsvOptions("true".equals(bom), ',');
        StreamingResponseBody body = out -> export.csv(organisation.organisationId(), campaign.campaignId(), options,
                out);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, attachment("csv"))
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(body);
    }

    @GetMapping("/org/{slug}/campaigns/{id}/shortlist/export/pdf")
    ResponseEntity<StreamingResponseBody> pdf(CampaignScope scope) {
        OrganisationView organisation = scope.organisation();
        CampaignView campaign = scope.campaign();
        StreamingResponseBody body = out -> export.pdf(organisation.organisationId(), campaign.campaignId(), out);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, attachment("pdf"))
                .contentType(MediaType.APPLICATION_PDF).body(body);
    }

    private static String attachment(String extension) {
        return ContentDisposition.attachment().filename("shortlist-" + LocalDate.now() + "." + extension).build()
                .toString();
    }

    /** The shortlist page ({@code shortlist/shortlist}). */
    record ShortlistPage(List<AdminPages.Crumb> crumbs, List<AdminPages.NavItem> tabs, String base, String campaignName,
                         List<Entry> entries, int count, boolean hasEntries, boolean anyoneToTell, boolean closed,
                         String closedAt, String closedBy, String groupsCovered) {
    }

    /** A chosen person: who chose them, when and why, their group and whether they were told. */
    record Entry(String name, String email, String href, String personId, String note, boolean hasNote,
                 String chosenAt, String chosenBy, String group, String told, boolean hasTold) {
    }
}
