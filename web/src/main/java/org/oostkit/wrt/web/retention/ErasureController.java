package org.oostkit.wrt.web.retention;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.web.i18n.FormErrors;
import jakarta.validation.Valid;
import org.oostkit.wrt.web.i18n.Refusals;
import org.axonframework.queryhandling.QueryGateway;
import org.oostkit.wrt.api.campaign.CampaignCommands.EraseCampaign;
import org.oostkit.wrt.api.campaign.CampaignCommands.ErasePerson;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.common.ActingCommandGateway;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.common.NotFound;
import org.oostkit.wrt.api.common.Rule;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaign;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.OrganisationQueries.FindOrganisationBySlug;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.web.security.OrganisationRoles;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Erasure on request, for organisation admins: the whole campaign (confirmed by typing its name), or one
 * person's data (right to erasure; confirmed by a tick). Auditors see neither page (403); other people's
 * organisations and unknown campaigns are not found (404).
 */
@Controller
class ErasureController {

    private final ActingCommandGateway acting;
    private final QueryGateway queries;

    ErasureController(ActingCommandGateway acting, QueryGateway queries) {
        this.acting = acting;
        this.queries = queries;
    }

    @GetMapping("/org/{slug}/campaigns/{id}/erase")
    ModelAndView campaignForm(@PathVariable String slug, @PathVariable String id, Authentication user) {
        Target target = target(slug, id, user);
        return campaignPage(target, "", null, user);
    }

    @PostMapping("/org/{slug}/campaigns/{id}/erase")
    ModelAndView eraseCampaign(@PathVariable String slug, @PathVariable String id,
                               @ModelAttribute("eraseCampaign") EraseCampaignForm form, BindingResult binding,
                               Authentication user, RedirectAttributes redirect) {
        Target target = target(slug, id, user);
        String confirmName = form.getConfirmName();
        form.checkConfirms(target.campaign.name(), binding);
        if (binding.hasErrors()) {
            return withStatus(campaignPage(target, confirmName, FormErrors.of(binding).get("confirmName"),
                    user), HttpStatus.UNPROCESSABLE_ENTITY);
        }
        try {
            acting.sendAndWait(new EraseCampaign(target.campaign.campaignId(),
                    target.organisation.organisationId()), Actor.admin(user.getName()).value());
        } catch (RuleViolation e) {
            ModelAndView page = withStatus(campaignPage(target, confirmName, null, user), HttpStatus.CONFLICT);
            page.addObject("flash", flash("error", Refusals.text(e)));
            return page;
        }
        redirect.addFlashAttribute("flash", flash("ok", AdminLanguage.text("flash.campaignErased",
                target.campaign.name())));
        return new ModelAndView("redirect:/org/" + slug + "/campaigns");
    }

    @InitBinder("erasePerson")
    void erasePersonRules(WebDataBinder binder) {
        binder.addValidators(new ErasePersonForm.Rules());
    }

    @GetMapping("/org/{slug}/campaigns/{id}/people/erase")
    ModelAndView personForm(@PathVariable String slug, @PathVariable String id, Authentication user) {
        return personPage(target(slug, id, user), "", false, Map.of(), user);
    }

    @PostMapping("/org/{slug}/campaigns/{id}/people/erase")
    ModelAndView erasePerson(@PathVariable String slug, @PathVariable String id,
                             @Valid @ModelAttribute("erasePerson") ErasePersonForm form, BindingResult binding,
                             Authentication user, RedirectAttributes redirect) {
        Target target = target(slug, id, user);
        String email = form.getEmail();
        boolean confirm = form.isConfirm();
        String normalised = form.normalisedEmail();
        Map<String, String> errors = FormErrors.of(binding);
        if (errors.isEmpty()) {
            try {
                acting.sendAndWait(new ErasePerson(target.campaign.campaignId(),
                        target.organisation.organisationId(), normalised), Actor.admin(user.getName()).value());
                redirect.addFlashAttribute("flash", flash("ok", AdminLanguage.text("flash.personErased")));
                return new ModelAndView("redirect:/org/" + slug + "/campaigns/" + id);
            } catch (NotFound e) {
                errors.put("email", AdminLanguage.text("erase.error.nobody"));
            } catch (RuleViolation e) {
                errors.put("email", e.violated() == Rule.PERSON_ERASED
                        ? AdminLanguage.text("erase.error.already") : Refusals.text(e));
            }
        }
        return withStatus(personPage(target, email, confirm, errors, user), HttpStatus.UNPROCESSABLE_ENTITY);
    }

    private record Target(OrganisationView organisation, CampaignView campaign) {
    }

    /** The organisation and campaign, if the user is an admin of it; otherwise 404 (or 403 for auditors). */
    private Target target(String slug, String id, Authentication user) {
        if (!OrganisationRoles.canRead(user, slug)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (!OrganisationRoles.isAdmin(user, slug)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only admins can erase data.");
        }
        OrganisationView organisation = queries.query(new FindOrganisationBySlug(slug), OrganisationView.class)
                .join();
        CampaignId campaignId;
        try {
            campaignId = new CampaignId(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        CampaignView campaign = organisation == null ? null
                : queries.query(new FindCampaign(organisation.organisationId(), campaignId), CampaignView.class)
                .join();
        if (campaign == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return new Target(organisation, campaign);
    }

    private ModelAndView campaignPage(Target target, String typed, String error, Authentication user) {
        ModelAndView page = common("retention/erase-campaign", AdminLanguage.text("erase.campaign.title"), target,
                user);
        page.addObject("typed", typed);
        page.addObject("error", error);
        page.addObject("roundOpen", target.campaign.openRound() != null);
        return page;
    }

    private ModelAndView personPage(Target target, String email, boolean confirm, Map<String, String> errors,
                                    Authentication user) {
        ModelAndView page = common("retention/erase-person", AdminLanguage.text("erase.person.heading"), target, user);
        page.addObject("email", email);
        page.addObject("confirm", confirm);
        page.addObject("emailError", errors.get("email"));
        page.addObject("confirmError", errors.get("confirm"));
        page.addObject("errors", errors.isEmpty() ? null : List.copyOf(errors.values()));
        return page;
    }

    private static ModelAndView common(String view, String title, Target target, Authentication user) {
        ModelAndView page = new ModelAndView(view);
        page.addObject("title", title);
        page.addObject("signedInAs", user.getName());
        page.addObject("slug", target.organisation.slug());
        page.addObject("organisation", target.organisation.name());
        page.addObject("campaign", target.campaign);
        page.addObject("campaignLink", "/org/" + target.organisation.slug() + "/campaigns/"
                + target.campaign.campaignId());
        return page;
    }

    private static ModelAndView withStatus(ModelAndView page, HttpStatus status) {
        page.setStatus(status);
        return page;
    }

    private static Map<String, String> flash(String kind, String message) {
        return Map.of("kind", kind, "message", message);
    }
}
