package org.oostkit.wrt.web.campaign;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaigns;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.query.api.RoundQueries.FindRounds;
import org.oostkit.wrt.query.api.RoundView;
import org.oostkit.wrt.query.time.LocalTimes;
import org.oostkit.wrt.web.campaign.CampaignViews.CampaignRow;
import org.oostkit.wrt.web.campaign.CampaignViews.LatestRound;
import org.oostkit.wrt.web.campaign.CampaignViews.ManagePage;
import org.oostkit.wrt.web.campaign.CampaignViews.Status;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Comparator;
import java.util.List;

/** The organisation's dashboard: every campaign with its status and key numbers. */
@Controller
class ManageController {

    static final String VIEW = "campaign/manage";

    private final AdminPages pages;

    ManageController(AdminPages pages) {
        this.pages = pages;
    }

    @GetMapping("/org/{slug}/manage")
    String manage(OrganisationView organisation, Authentication authentication, Model model) {
        String slug = organisation.slug();
        model.addAllAttributes(pages.page(AdminLanguage.text("nav.campaigns"), organisation, authentication, "manage"));
        List<CampaignRow> rows = pages.queryList(new FindCampaigns(organisation.organisationId()), CampaignView.class)
                .stream().map(campaign -> row(organisation, campaign, latestRound(organisation, campaign))).toList();
        model.addAllAttributes(PageModel.attributes(new ManagePage(AdminPages.crumbs(null, organisation.name()), rows,
                !rows.isEmpty(), organisation.isActive(),
                AdminLanguage.textOr("organisation.status." + organisation.status().name(),
                        organisation.status().name().toLowerCase()))));
        return VIEW;
    }

    /**
     * The round whose response rate the dashboard shows: the open one, else the last. A rate over all rounds
     * would mix them (a fresh round's silence drags down an answered one).
     */
    private RoundView latestRound(OrganisationView organisation, CampaignView campaign) {
        if (campaign.rounds() == 0) {
            return null;
        }
        return pages.queryList(new FindRounds(organisation.organisationId(), campaign.campaignId()), RoundView.class)
                .stream().max(Comparator.comparing(RoundView::open).thenComparingInt(RoundView::number)).orElse(null);
    }

    private static CampaignRow row(OrganisationView organisation, CampaignView campaign, RoundView round) {
        Status status = Status.of(campaign);
        return new CampaignRow("/org/" + organisation.slug() + "/campaigns/" + campaign.campaignId(), campaign.name(),
                status.statusLabel(), status.statusClass(),
                LocalTimes.shortDay(campaign.createdAt(), organisation.timeZone(), AdminLanguage.locale()),
                campaign.people(), campaign.rounds(), campaign.contacted(), LatestRound.of(round),
                campaign.nominations(), campaign.aboveThreshold());
    }
}
