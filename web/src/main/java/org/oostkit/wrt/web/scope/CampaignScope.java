package org.oostkit.wrt.web.scope;

import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.OrganisationView;

/**
 * The organisation and campaign of a {@code /org/{slug}/campaigns/{id}/…} address, already checked: a handler
 * that takes one never sees another tenant's campaign (the resolver answers 404 first).
 */
public record CampaignScope(OrganisationView organisation, CampaignView campaign) {

    public String slug() {
        return organisation.slug();
    }

    public OrganisationId organisationId() {
        return organisation.organisationId();
    }

    public CampaignId campaignId() {
        return campaign.campaignId();
    }

    /** The campaign's address, the start of every link on its pages. */
    public String base() {
        return "/org/" + organisation.slug() + "/campaigns/" + campaign.campaignId();
    }

    /** The organisation's dashboard address. */
    public String manage() {
        return "/org/" + organisation.slug() + "/manage";
    }
}
