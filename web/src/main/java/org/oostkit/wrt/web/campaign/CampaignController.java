package org.oostkit.wrt.web.campaign;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.web.i18n.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import org.oostkit.wrt.api.campaign.CampaignCommands.ChangeCampaignDetails;
import org.oostkit.wrt.api.campaign.CampaignCommands.CreateCampaign;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaign;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.web.campaign.CampaignViews.CampaignSummary;
import org.oostkit.wrt.web.campaign.CampaignViews.FormPage;
import org.oostkit.wrt.web.campaign.CampaignViews.Limits;
import org.oostkit.wrt.web.campaign.CampaignViews.ShowPage;
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

import java.util.Map;
import java.util.Objects;

/** Create, show and edit a campaign (completing it: {@link CampaignCompletionController}). */
@Controller
class CampaignController {

    static final String FORM = "campaign/form";
    static final String SHOW = "campaign/show";
    
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
        model.addAllAttributes(PageModel.attributes(new ShowPage(
                AdminPages.crumbs(scope.manage(), organisation.name(), null, campaign.name()),
                AdminPages.tabs(scope.slug(), campaign, "overview"),
                CampaignSummary.of(campaign, pages.zone(organisation, campaign)), scope.base())));
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

    private String refused(OrganisationView organisation, CampaignView campaign, CampaignForm form,
                           RuleViolation refused, Authentication authentication, Model model) {
        String field = CampaignForm.fieldOf(refused.violated());
        Map<String, String> errors = field == null ? Map.of() : Map.of(field, Refusals.text(refused));
        return form(organisation, campaign, form, errors, field == null ? Refusals.text(refused) : null,
                authentication, model);
    }

    private String form(OrganisationView organisation, CampaignView campaign, CampaignForm form,
                        Map<String, String> errors, String error, Authentication authentication, Model model) {
        String slug = organisation.slug();
        boolean creating = campaign == null;
        String title = creating ? AdminLanguage.text("title.newCampaign") : AdminLanguage.text("title.edit", campaign.name());
        model.addAllAttributes(pages.page(title, organisation, authentication, "campaign"));
        model.addAllAttributes(PageModel.attributes(new FormPage(creating
                ? AdminPages.crumbs("/org/" + slug + "/manage", organisation.name(), null,
                        AdminLanguage.text("title.newCampaign"))
                : AdminPages.crumbs("/org/" + slug + "/manage", organisation.name(),
                "/org/" + slug + "/campaigns/" + campaign.campaignId(), campaign.name(), null,
                        AdminLanguage.text("crumb.edit")),
                form.model(errors),
                creating ? "/org/" + slug + "/campaigns" : "/org/" + slug + "/campaigns/" + campaign.campaignId() + "/edit",
                creating ? "/org/" + slug + "/manage" : "/org/" + slug + "/campaigns/" + campaign.campaignId(),
                AdminLanguage.text(creating ? "campaign.form.create" : "campaign.form.save"), creating,
                errors.isEmpty() ? null : errors.values(), error,
                new Limits(CampaignSettings.NAME_MAX, CampaignSettings.INVITATION_TEXT_MAX))));
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
}
