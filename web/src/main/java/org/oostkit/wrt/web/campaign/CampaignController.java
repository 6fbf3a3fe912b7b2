package org.oostkit.wrt.web.campaign;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import jakarta.servlet.http.HttpServletResponse;
import org.oostkit.wrt.api.campaign.CampaignCommands.ChangeCampaignDetails;
import org.oostkit.wrt.api.campaign.CampaignCommands.CompleteCampaign;
import org.oostkit.wrt.api.campaign.CampaignCommands.CreateCampaign;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaign;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.query.time.LocalTimes;
import org.oostkit.wrt.web.scope.AdminOnly;
import org.oostkit.wrt.web.scope.CampaignScope;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Create, show, edit and complete a campaign. */
@Controller
class CampaignController {

    static final String FORM = "campaign/form";
    static final String SHOW = "campaign/show";
    static final String COMPLETE = "campaign/complete";

    private final AdminPages pages;

    CampaignController(AdminPages pages) {
        this.pages = pages;
    }

    @GetMapping("/org/{slug}/campaigns/new")
    String newCampaign(@AdminOnly OrganisationView organisation, Authentication authentication, Model model) {
        return form(organisation, null, new CampaignForm(), Map.of(), null, authentication, model);
    }

    @PostMapping("/org/{slug}/campaigns")
    String create(@AdminOnly OrganisationView organisation, @ModelAttribute CampaignForm form,
                  Authentication authentication, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        String slug = organisation.slug();
        Map<String, String> errors = form.errors();
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return form(organisation, null, form, errors, null, authentication, model);
        }
        CampaignId id = CampaignId.random();
        try {
            pages.send(new CreateCampaign(id, organisation.organisationId(), form.settings()), authentication);
        } catch (RuleViolation refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return refused(organisation, null, form, refused, authentication, model);
        }
        boolean visible = pages.caughtUp(new FindCampaign(organisation.organisationId(), id), CampaignView.class,
                Objects::nonNull);
        flash(redirect, visible, AdminLanguage.text("flash.campaignCreated", form.settings().name()));
        // before the read side shows it, the campaign's own pages would answer "not found": go to the list instead
        return visible ? "redirect:/org/" + slug + "/campaigns/" + id + "/seed" : "redirect:/org/" + slug + "/manage";
    }

    @GetMapping("/org/{slug}/campaigns/{id}")
    String show(CampaignScope scope, Authentication authentication, Model model) {
        OrganisationView organisation = scope.organisation();
        CampaignView campaign = scope.campaign();
        model.addAllAttributes(pages.page(campaign.name(), organisation, authentication, "campaign"));
        model.addAttribute("crumbs", AdminPages.crumbs(scope.manage(), organisation.name(),
                null, campaign.name()));
        model.addAttribute("tabs", AdminPages.tabs(scope.slug(), campaign, "overview"));
        model.addAttribute("campaign", summary(campaign, pages.zone(organisation, campaign)));
        model.addAttribute("base", scope.base());
        return SHOW;
    }

    @GetMapping("/org/{slug}/campaigns/{id}/edit")
    String edit(@AdminOnly CampaignScope scope, Authentication authentication, Model model) {
        OrganisationView organisation = scope.organisation();
        CampaignView campaign = scope.campaign();
        return form(organisation, campaign, CampaignForm.of(campaign), Map.of(), null, authentication, model);
    }

    @PostMapping("/org/{slug}/campaigns/{id}/edit")
    String update(@AdminOnly CampaignScope scope, @ModelAttribute CampaignForm form,
                  Authentication authentication, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        OrganisationView organisation = scope.organisation();
        CampaignView campaign = scope.campaign();
        Map<String, String> errors = form.errors();
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return form(organisation, campaign, form, errors, null, authentication, model);
        }
        CampaignSettings settings = form.settings();
        try {
            pages.send(new ChangeCampaignDetails(campaign.campaignId(), organisation.organisationId(), settings),
                    authentication);
        } catch (RuleViolation refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return refused(organisation, campaign, form, refused, authentication, model);
        }
        boolean visible = pages.caughtUp(new FindCampaign(organisation.organisationId(), campaign.campaignId()),
                CampaignView.class, view -> view != null && shows(view, settings));
        flash(redirect, visible, AdminLanguage.text("flash.campaignSaved"));
        return "redirect:" + scope.base();
    }

    @GetMapping("/org/{slug}/campaigns/{id}/complete")
    String confirmComplete(@AdminOnly CampaignScope scope, Authentication authentication,
                           Model model) {
        OrganisationView organisation = scope.organisation();
        CampaignView campaign = scope.campaign();
        return completePage(organisation, campaign, null, authentication, model);
    }

    @PostMapping("/org/{slug}/campaigns/{id}/complete")
    String complete(@AdminOnly CampaignScope scope, Authentication authentication, Model model,
                    RedirectAttributes redirect) {
        OrganisationView organisation = scope.organisation();
        CampaignView campaign = scope.campaign();
        try {
            pages.send(new CompleteCampaign(campaign.campaignId(), organisation.organisationId()), authentication);
        } catch (RuleViolation refused) {
            return completePage(organisation, campaign, refused.getMessage(), authentication, model);
        }
        boolean visible = pages.caughtUp(new FindCampaign(organisation.organisationId(), campaign.campaignId()),
                CampaignView.class, view -> view != null && view.completed());
        flash(redirect, visible, AdminLanguage.text("flash.campaignCompleted", campaign.name()));
        return "redirect:" + scope.base();
    }

    private String completePage(OrganisationView organisation, CampaignView campaign, String error,
                                Authentication authentication, Model model) {
        String slug = organisation.slug();
        model.addAllAttributes(pages.page(AdminLanguage.text("title.complete", campaign.name()), organisation, authentication, "campaign"));
        model.addAttribute("crumbs", AdminPages.crumbs("/org/" + slug + "/manage", organisation.name(),
                "/org/" + slug + "/campaigns/" + campaign.campaignId(), campaign.name(), null, AdminLanguage.text("crumb.complete")));
        model.addAttribute("campaign", summary(campaign, pages.zone(organisation, campaign)));
        model.addAttribute("base", "/org/" + slug + "/campaigns/" + campaign.campaignId());
        if (error != null) {
            model.addAttribute("error", error);
        }
        return COMPLETE;
    }

    private String refused(OrganisationView organisation, CampaignView campaign, CampaignForm form,
                           RuleViolation refused, Authentication authentication, Model model) {
        String field = CampaignForm.fieldOf(refused.rule());
        Map<String, String> errors = field == null ? Map.of() : Map.of(field, refused.getMessage());
        return form(organisation, campaign, form, errors, field == null ? refused.getMessage() : null,
                authentication, model);
    }

    private String form(OrganisationView organisation, CampaignView campaign, CampaignForm form,
                        Map<String, String> errors, String error, Authentication authentication, Model model) {
        String slug = organisation.slug();
        boolean creating = campaign == null;
        String title = creating ? AdminLanguage.text("title.newCampaign") : AdminLanguage.text("title.edit", campaign.name());
        model.addAllAttributes(pages.page(title, organisation, authentication, "campaign"));
        model.addAttribute("crumbs", creating
                ? AdminPages.crumbs("/org/" + slug + "/manage", organisation.name(), null, AdminLanguage.text("title.newCampaign"))
                : AdminPages.crumbs("/org/" + slug + "/manage", organisation.name(),
                "/org/" + slug + "/campaigns/" + campaign.campaignId(), campaign.name(), null, AdminLanguage.text("crumb.edit")));
        model.addAttribute("form", form.model(errors));
        model.addAttribute("action", creating ? "/org/" + slug + "/campaigns"
                : "/org/" + slug + "/campaigns/" + campaign.campaignId() + "/edit");
        model.addAttribute("cancel", creating ? "/org/" + slug + "/manage"
                : "/org/" + slug + "/campaigns/" + campaign.campaignId());
        model.addAttribute("submitLabel", AdminLanguage.text(creating ? "campaign.form.create" : "campaign.form.save"));
        model.addAttribute("creating", creating);
        if (!errors.isEmpty()) {
            model.addAttribute("errorSummary", errors.values());
        }
        if (error != null) {
            model.addAttribute("error", error);
        }
        model.addAttribute("limits", Map.of("nameMax", CampaignSettings.NAME_MAX,
                "textMax", CampaignSettings.INVITATION_TEXT_MAX));
        return FORM;
    }

    private static boolean shows(CampaignView view, CampaignSettings settings) {
        return view.name().equals(settings.name()) && AdminPages.text(view.description()).equals(settings.description())
                && view.convergenceThreshold() == settings.convergenceThreshold()
                && view.defaultRoundDays() == settings.defaultRoundDays()
                && view.reminderEnabled() == settings.reminderEnabled()
                && view.reminderDaysBefore() == settings.reminderDaysBefore()
                && AdminPages.text(view.invitationText()).equals(settings.invitationText());
    }

    /** The flash after a change: confirmed when the read side shows it, a note when it is still catching up. */
    static void flash(RedirectAttributes redirect, boolean visible, String message) {
        redirect.addFlashAttribute("flash", visible
                ? Map.of("kind", "ok", "message", message)
                : Map.of("kind", "warn", "message", message + " " + AdminLanguage.text("flash.pagesLag")));
    }

    /** Status label and badge class of a campaign. */
    static Map<String, Object> status(CampaignView campaign) {
        Map<String, Object> status = new LinkedHashMap<>();
        if (campaign.completed()) {
            status.put("statusLabel", AdminLanguage.text("campaign.status.completed"));
            status.put("statusClass", "");
        } else if (campaign.openRound() != null) {
            status.put("statusLabel", AdminLanguage.text("campaign.status.open", campaign.openRound()));
            status.put("statusClass", "ok");
        } else if (campaign.rounds() == 0) {
            status.put("statusLabel", AdminLanguage.text("campaign.status.draft"));
            status.put("statusClass", "warn");
        } else {
            status.put("statusLabel", AdminLanguage.text("campaign.status.between"));
            status.put("statusClass", "warn");
        }
        return status;
    }

    private Map<String, Object> summary(CampaignView campaign, ZoneId zone) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", campaign.campaignId().toString());
        summary.put("name", campaign.name());
        summary.put("description", AdminPages.text(campaign.description()));
        summary.put("hasDescription", !AdminPages.text(campaign.description()).isBlank());
        summary.put("invitationText", AdminPages.text(campaign.invitationText()));
        summary.put("hasInvitationText", !AdminPages.text(campaign.invitationText()).isBlank());
        summary.put("threshold", campaign.convergenceThreshold());
        summary.put("roundDays", campaign.defaultRoundDays());
        summary.put("reminderEnabled", campaign.reminderEnabled());
        summary.put("reminderDays", campaign.reminderDaysBefore());
        summary.putAll(status(campaign));
        summary.put("completed", campaign.completed());
        summary.put("created", LocalTimes.shortMoment(campaign.createdAt(), zone, AdminLanguage.locale()));
        summary.put("completedAt", LocalTimes.shortMoment(campaign.completedAt(), zone, AdminLanguage.locale()));
        summary.put("timeZone", LocalTimes.zoneName(zone));
        summary.put("people", campaign.people());
        summary.put("seedPeople", campaign.seedPeople());
        summary.put("nominatedPeople", campaign.nominatedPeople());
        summary.put("notYetContacted", campaign.notYetContacted());
        summary.put("rounds", campaign.rounds());
        summary.put("openRound", campaign.openRound() == null ? "" : campaign.openRound().toString());
        summary.put("hasOpenRound", campaign.openRound() != null);
        summary.put("contacted", campaign.contacted());
        summary.put("responded", campaign.responded());
        summary.put("responseRate", AdminPages.percent(campaign.responseRate()));
        summary.put("nominations", campaign.nominations());
        summary.put("aboveThreshold", campaign.aboveThreshold());
        summary.put("canComplete", !campaign.completed() && campaign.openRound() == null);
        return summary;
    }
}
