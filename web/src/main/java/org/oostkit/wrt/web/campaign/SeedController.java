package org.oostkit.wrt.web.campaign;

import jakarta.servlet.http.HttpServletResponse;
import org.oostkit.wrt.api.campaign.CampaignCommands.AddSeedPerson;
import org.oostkit.wrt.api.campaign.CampaignCommands.RemoveSeedPerson;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.common.Emails;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
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

    @PostMapping("/org/{slug}/campaigns/{id}/seed/add")
    String add(@AdminOnly CampaignScope scope, @RequestParam(defaultValue = "") String name,
               @RequestParam(defaultValue = "") String email, Authentication authentication, Model model,
               HttpServletResponse response, RedirectAttributes redirect) {
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
            return seedPage.render(scope, name, email, errors, null, authentication, model);
        }
        try {
            pages.send(new AddSeedPerson(scope.campaignId(), scope.organisationId(),
                    TextRule.PERSON_NAME.clean(name), normalised), authentication);
        } catch (RuleViolation refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            String field = "already-in-campaign".equals(refused.rule()) || "person-invalid".equals(refused.rule())
                    ? "email" : null;
            return seedPage.render(scope, name, email,
                    field == null ? Map.of() : Map.of(field, refused.getMessage()),
                    field == null ? refused.getMessage() : null, authentication, model);
        }
        int expected = scope.campaign().seedPeople() + 1;
        boolean visible = pages.caughtUp(new FindCampaign(scope.organisationId(), scope.campaignId()),
                CampaignView.class, view -> view != null && view.seedPeople() >= expected);
        CampaignController.flash(redirect, visible, "Added " + (name.isBlank() ? normalised : name.strip() + " ("
                + normalised + ")") + " to the seed group.");
        return "redirect:" + scope.base() + "/seed";
    }

    @PostMapping("/org/{slug}/campaigns/{id}/seed/{personId}/remove")
    String remove(@AdminOnly CampaignScope scope, @PathVariable UUID personId,
                  Authentication authentication, Model model, RedirectAttributes redirect) {
        try {
            pages.send(new RemoveSeedPerson(scope.campaignId(), scope.organisationId(),
                    new PersonId(personId)), authentication);
        } catch (RuleViolation refused) {
            return seedPage.render(scope, "", "", Map.of(), refused.getMessage(), authentication, model);
        }
        int expected = scope.campaign().seedPeople() - 1;
        boolean visible = pages.caughtUp(new FindCampaign(scope.organisationId(), scope.campaignId()),
                CampaignView.class, view -> view != null && view.seedPeople() <= expected);
        CampaignController.flash(redirect, visible, "Removed from the seed group.");
        return "redirect:" + scope.base() + "/seed";
    }
}
