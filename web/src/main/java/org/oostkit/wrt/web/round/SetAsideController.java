package org.oostkit.wrt.web.round;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.web.i18n.Refusals;
import org.oostkit.wrt.api.campaign.CampaignRosterCommands.BringPersonBack;
import org.oostkit.wrt.api.campaign.CampaignRosterCommands.SetPersonAside;
import org.oostkit.wrt.api.campaign.CampaignRosterCommands;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.common.NotFound;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.common.TextRule;
import org.oostkit.wrt.query.api.CampaignQueries.FindRoster;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.query.api.PersonView;
import org.oostkit.wrt.query.api.RosterView;
import org.oostkit.wrt.web.campaign.AdminPages;
import org.oostkit.wrt.web.campaign.ReadModelWait;
import org.oostkit.wrt.web.scope.AdminOnly;
import org.oostkit.wrt.web.scope.CampaignScope;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Leave someone out of the next round (with an optional note) and bring them back, from the round-start page;
 * each a decision recorded on the campaign with the admin as actor.
 */
@Controller
class SetAsideController {

    /** How long a decision waits to show in the roster before the page redirects anyway. */
    private static final Duration SHOWN_WITHIN = Duration.ofSeconds(3);

    private final AdminPages pages;

    SetAsideController(AdminPages pages) {
        this.pages = pages;
    }

    @PostMapping("/org/{slug}/campaigns/{id}/roster/{person}/set-aside")
    String setAside(@AdminOnly CampaignScope scope, @PathVariable UUID person,
                    @RequestParam(defaultValue = "") String note, Authentication authentication,
                    RedirectAttributes redirect) {
        String problem = CampaignRosterCommands.NOTE.problem(note);
        if (problem != null) {
            return flash(redirect, scope, "error", TextRule.sentence(problem));
        }
        return decide(scope, person, authentication, redirect, true, note);
    }

    @PostMapping("/org/{slug}/campaigns/{id}/roster/{person}/bring-back")
    String bringBack(@AdminOnly CampaignScope scope, @PathVariable UUID person,
                     Authentication authentication, RedirectAttributes redirect) {
        return decide(scope, person, authentication, redirect, false, null);
    }

    private String decide(CampaignScope scope, UUID person, Authentication authentication,
                          RedirectAttributes redirect, boolean aside, String note) {
        OrganisationView organisation = scope.organisation();
        CampaignView campaign = scope.campaign();
        PersonId personId = new PersonId(person);
        try {
            pages.send(aside
                    ? new SetPersonAside(campaign.campaignId(), organisation.organisationId(), personId, note)
                    : new BringPersonBack(campaign.campaignId(), organisation.organisationId(), personId),
                    authentication);
        } catch (NotFound e) {
            return flash(redirect, scope, "warn", AdminLanguage.text("flash.notInRoster"));
        } catch (RuleViolation refused) {
            return flash(redirect, scope, "warn", Refusals.text(refused));
        }
        PersonView seen = shown(organisation, campaign, personId, aside);
        String who = seen == null ? AdminLanguage.text("setAside.thePerson") : AdminPages.text(seen.name()).isBlank()
                ? AdminPages.text(seen.email()) : AdminPages.text(seen.name());
        String message = AdminLanguage.text(aside ? "flash.setAside" : "flash.broughtBack", who);
        redirect.addFlashAttribute("flash", seen == null
                ? Map.of("kind", "warn", "message", message + " " + AdminLanguage.text("flash.listLags"))
                : Map.of("kind", "ok", "message", message));
        return "redirect:" + scope.base() + "/rounds";
    }

    /** Waits briefly until the roster shows the decision, so the page after it does; null if it did not in time. */
    private PersonView shown(OrganisationView organisation, CampaignView campaign, PersonId person, boolean aside) {
        return ReadModelWait.until(() -> {
                    RosterView roster = pages.query(new FindRoster(organisation.organisationId(),
                            campaign.campaignId()), RosterView.class);
                    return roster == null ? null : roster.people().stream()
                            .filter(p -> p.personId().equals(person) && p.setAside() == aside).findFirst().orElse(null);
                }, seen -> true, SHOWN_WITHIN).orElse(null);
    }

    private static String flash(RedirectAttributes redirect, CampaignScope scope, String kind, String message) {
        redirect.addFlashAttribute("flash", Map.of("kind", kind, "message", message));
        return "redirect:" + scope.base() + "/rounds";
    }
}
