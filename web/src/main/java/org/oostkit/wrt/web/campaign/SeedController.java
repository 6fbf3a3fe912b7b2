package org.oostkit.wrt.web.campaign;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.web.i18n.FormErrors;
import org.oostkit.wrt.web.i18n.Refusals;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.validation.BindingResult;
import jakarta.validation.Valid;
import jakarta.servlet.http.HttpServletResponse;
import org.oostkit.wrt.api.campaign.CampaignCommands.AddSeedPerson;
import org.oostkit.wrt.api.campaign.CampaignCommands.RemoveSeedPerson;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.common.TextRule;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaign;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.web.scope.AdminOnly;
import org.oostkit.wrt.web.scope.CampaignScope;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;
import java.util.UUID;

/** The seed group: the list, manual add and removal of people not asked yet. */
@Controller
class SeedController {

    private final AdminPages pages;
    private final SeedPage seedPage;

    SeedController(AdminPages pages, SeedPage seedPage) {
        this.pages = pages;
        this.seedPage = seedPage;
    }

    @GetMapping("/org/{slug}/campaigns/{id}/seed")
    String seed(CampaignScope scope, Authentication authentication, Model model) {
        return seedPage.render(scope, "", "", Map.of(), null, authentication, model);
    }

    @InitBinder("seedPerson")
    void seedPersonRules(WebDataBinder binder) {
        binder.addValidators(new SeedPersonForm.Rules());
    }

    @PostMapping("/org/{slug}/campaigns/{id}/seed/add")
    String add(@AdminOnly CampaignScope scope, @Valid @ModelAttribute("seedPerson") SeedPersonForm form,
               BindingResult binding, Authentication authentication, Model model, HttpServletResponse response,
               RedirectAttributes redirect) {
        String name = form.getName();
        String email = form.getEmail();
        String normalised = form.normalisedEmail();
        if (binding.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return seedPage.render(scope, name, email, FormErrors.of(binding), null, authentication, model);
        }
        try {
            pages.send(new AddSeedPerson(scope.campaignId(), scope.organisationId(),
                    TextRule.PERSON_NAME.clean(name), normalised), authentication);
        } catch (RuleViolation refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            String field = switch (refused.violated()) {
                case ALREADY_IN_CAMPAIGN, PERSON_INVALID -> "email";
                default -> null;
            };
            return seedPage.render(scope, name, email,
                    field == null ? Map.of() : Map.of(field, Refusals.text(refused)),
                    field == null ? Refusals.text(refused) : null, authentication, model);
        }
        int expected = scope.campaign().seedPeople() + 1;
        boolean visible = pages.caughtUp(new FindCampaign(scope.organisationId(), scope.campaignId()),
                CampaignView.class, view -> view != null && view.seedPeople() >= expected);
        CampaignController.flash(redirect, visible, AdminLanguage.text("flash.seedAdded",
                name.isBlank() ? normalised : name.strip() + " (" + normalised + ")"));
        return "redirect:" + scope.base() + "/seed";
    }

    @PostMapping("/org/{slug}/campaigns/{id}/seed/{personId}/remove")
    String remove(@AdminOnly CampaignScope scope, @PathVariable UUID personId,
                  Authentication authentication, Model model, RedirectAttributes redirect) {
        try {
            pages.send(new RemoveSeedPerson(scope.campaignId(), scope.organisationId(),
                    new PersonId(personId)), authentication);
        } catch (RuleViolation refused) {
            return seedPage.render(scope, "", "", Map.of(), Refusals.text(refused), authentication, model);
        }
        int expected = scope.campaign().seedPeople() - 1;
        boolean visible = pages.caughtUp(new FindCampaign(scope.organisationId(), scope.campaignId()),
                CampaignView.class, view -> view != null && view.seedPeople() <= expected);
        CampaignController.flash(redirect, visible, AdminLanguage.text("flash.seedRemoved"));
        return "redirect:" + scope.base() + "/seed";
    }
}
