package org.oostkit.wrt.web.campaign;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.web.i18n.Refusals;
import org.oostkit.wrt.api.campaign.CampaignCommands.CompleteCampaign;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaign;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.web.campaign.CampaignViews.CampaignSummary;
import org.oostkit.wrt.web.campaign.CampaignViews.CompletePage;
import org.oostkit.wrt.web.scope.AdminOnly;
import org.oostkit.wrt.web.scope.CampaignScope;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Completing a campaign: the confirmation and the completion itself. */
@Controller
class CampaignCompletionController {

    static final String COMPLETE = "campaign/complete";

    private final AdminPages pages;

    CampaignCompletionController(AdminPages pages) {
        this.pages = pages;
    }

    @GetMapping("/org/{slug}/campaigns/{id}/complete")
    String confirmComplete(@AdminOnly CampaignScope scope, Authentication authentication,
                           Model model) {
        return completePage(scope.organisation(), scope.campaign(), null, authentication, model);
    }

    @PostMapping("/org/{slug}/campaigns/{id}/complete")
    String complete(@AdminOnly CampaignScope scope, Authentication authentication, Model model,
                    RedirectAttributes redirect) {
        OrganisationView organisation = scope.organisation();
        CampaignView campaign = scope.campaign();
        try {
            pages.send(new CompleteCampaign(campaign.campaignId(), organisation.organisationId()), authentication);
        } catch (RuleViolation refused) {
            return completePage(organisation, campaign, Refusals.text(refused), authentication, model);
        }
        boolean visible = pages.caughtUp(new FindCampaign(organisation.organisationId(), campaign.campaignId()),
                CampaignView.class, view -> view != null && view.completed());
        CampaignController.flash(redirect, visible, AdminLanguage.text("flash.campaignCompleted", campaign.name()));
        return "redirect:" + scope.base();
    }

    private String completePage(OrganisationView organisation, CampaignView campaign, String error,
                                Authentication authentication, Model model) {
        String slug = organisation.slug();
        model.addAllAttributes(pages.page(AdminLanguage.text("title.complete", campaign.name()), organisation, authentication, "campaign"));
        model.addAllAttributes(PageModel.attributes(new CompletePage(
                AdminPages.crumbs("/org/" + slug + "/manage", organisation.name(),
                        "/org/" + slug + "/campaigns/" + campaign.campaignId(), campaign.name(), null,
                        AdminLanguage.text("crumb.complete")),
                CampaignSummary.of(campaign, pages.zone(organisation, campaign)),
                "/org/" + slug + "/campaigns/" + campaign.campaignId(), error)));
        return COMPLETE;
    }
}
