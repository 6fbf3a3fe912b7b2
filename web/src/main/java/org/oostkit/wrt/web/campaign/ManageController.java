package org.oostkit.wrt.web.campaign;

import org.oostkit.wrt.query.api.CampaignQueries.FindCampaigns;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.OrganisationView;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.ArrayList;
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
    String manage(@PathVariable String slug, Authentication authentication, Model model) {
        OrganisationView organisation = pages.organisation(slug);
        model.addAllAttributes(pages.page("Campaigns", organisation, authentication, "manage"));
        model.addAttribute("crumbs", AdminPages.crumbs(null, organisation.name()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CampaignView campaign : pages.queryList(new FindCampaigns(organisation.organisationId()),
                CampaignView.class)) {
            rows.add(row(slug, campaign));
        }
        model.addAttribute("campaigns", rows);
        model.addAttribute("hasCampaigns", !rows.isEmpty());
        model.addAttribute("organisationActive", organisation.isActive());
        model.addAttribute("organisationStatus", organisation.status().name().toLowerCase());
        return VIEW;
    }

    private Map<String, Object> row(String slug, CampaignView campaign) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("href", "/org/" + slug + "/campaigns/" + campaign.campaignId());
        row.put("name", campaign.name());
        row.putAll(CampaignController.status(campaign));
        row.put("created", pages.day(campaign.createdAt()));
        row.put("people", campaign.people());
        row.put("rounds", campaign.rounds());
        row.put("contacted", campaign.contacted());
        row.put("responded", campaign.responded());
        row.put("responseRate", AdminPages.percent(campaign.responseRate()));
        row.put("nominations", campaign.nominations());
        row.put("aboveThreshold", campaign.aboveThreshold());
        return row;
    }
}
