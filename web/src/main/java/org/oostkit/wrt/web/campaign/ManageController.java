package org.oostkit.wrt.web.campaign;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaigns;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.query.api.RoundQueries.FindRounds;
import org.oostkit.wrt.query.api.RoundView;
import org.oostkit.wrt.query.time.LocalTimes;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        model.addAttribute("crumbs", AdminPages.crumbs(null, organisation.name()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CampaignView campaign : pages.queryList(new FindCampaigns(organisation.organisationId()),
                CampaignView.class)) {
            rows.add(row(organisation, campaign, latestRound(organisation, campaign)));
        }
        model.addAttribute("campaigns", rows);
        model.addAttribute("hasCampaigns", !rows.isEmpty());
        model.addAttribute("organisationActive", organisation.isActive());
        model.addAttribute("organisationStatus", AdminLanguage.textOr("organisation.status." + organisation.status().name(),
                organisation.status().name().toLowerCase()));
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

    private Map<String, Object> row(OrganisationView organisation, CampaignView campaign, RoundView round) {
        String slug = organisation.slug();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("href", "/org/" + slug + "/campaigns/" + campaign.campaignId());
        row.put("name", campaign.name());
        row.putAll(CampaignController.status(campaign));
        row.put("created", LocalTimes.shortDay(campaign.createdAt(), organisation.timeZone(), AdminLanguage.locale()));
        row.put("people", campaign.people());
        row.put("rounds", campaign.rounds());
        row.put("contacted", campaign.contacted());
        if (round != null) {
            row.put("round", Map.of(
                    "label", AdminLanguage.text(round.open() ? "manage.roundOpen" : "crumb.round", round.number()),
                    "responded", round.responded(),
                    "contacted", round.contacted(),
                    "responseRate", AdminPages.percent(round.responseRate())));
        }
        row.put("nominations", campaign.nominations());
        row.put("aboveThreshold", campaign.aboveThreshold());
        return row;
    }
}
