package org.oostkit.wrt.web.audit;

import org.axonframework.queryhandling.QueryGateway;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaign;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.OrganisationQueries.FindOrganisationBySlug;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.web.security.OrganisationRoles;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who may read a campaign's audit pages: its organisation's admins and auditors. Anyone else, and any
 * unknown organisation or campaign, gets the same 404, so nothing is learnt about other tenants.
 */
@Component
class CampaignAccess {

    private final QueryGateway queries;

    CampaignAccess(QueryGateway queries) {
        this.queries = queries;
    }

    record Scope(OrganisationView organisation, CampaignView campaign) {

        String base() {
            return "/org/" + organisation.slug() + "/campaigns/" + campaign.campaignId();
        }
    }

    Scope require(String slug, String campaignId, Authentication authentication) {
        if (!OrganisationRoles.canRead(authentication, slug)) {
            throw notFound();
        }
        UUID id;
        try {
            id = UUID.fromString(campaignId);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
        OrganisationView organisation = queries.query(new FindOrganisationBySlug(slug), OrganisationView.class).join();
        if (organisation == null) {
            throw notFound();
        }
        CampaignView campaign = queries.query(new FindCampaign(organisation.organisationId(), new CampaignId(id)),
                CampaignView.class).join();
        if (campaign == null) {
            throw notFound();
        }
        return new Scope(organisation, campaign);
    }

    /** The layout's model: title, the campaign's navigation (this page current), who is signed in. */
    static void layout(Model model, Scope scope, String title, String current, Authentication authentication) {
        String base = scope.base();
        model.addAttribute("title", title);
        model.addAttribute("signedInAs", authentication.getName());
        model.addAttribute("nav", Map.of("items", List.of(
                item(base, "Campaign", current),
                item(base + "/results", "Results", current),
                item(base + "/results/as-of", "Results as of", current),
                item(base + "/audit", "Audit trail", current))));
        model.addAttribute("organisation", scope.organisation());
        model.addAttribute("campaign", scope.campaign());
        model.addAttribute("base", base);
    }

    private static Map<String, Object> item(String href, String label, String current) {
        return Map.of("href", href, "label", label, "current", href.equals(current));
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
