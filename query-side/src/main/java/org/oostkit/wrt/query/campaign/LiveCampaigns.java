package org.oostkit.wrt.query.campaign;

import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaign;
import org.springframework.stereotype.Component;

/** Pushes the new summary of a campaign to subscription queries watching it (only when someone watches). */
@Component
class LiveCampaigns {

    private final QueryUpdateEmitter emitter;
    private final CampaignReadModel model;

    LiveCampaigns(QueryUpdateEmitter emitter, CampaignReadModel model) {
        this.emitter = emitter;
        this.model = model;
    }

    void campaignChanged(OrganisationId organisation, CampaignId campaign) {
        boolean watched = emitter.activeSubscriptions().stream()
                .anyMatch(s -> s.getPayload() instanceof FindCampaign q && matches(q, organisation, campaign));
        if (watched) {
            model.campaign(organisation, campaign).ifPresent(view ->
                    emitter.emit(FindCampaign.class, q -> matches(q, organisation, campaign), view));
        }
    }

    private static boolean matches(FindCampaign query, OrganisationId organisation, CampaignId campaign) {
        return query.organisationId().equals(organisation) && query.campaignId().equals(campaign);
    }
}
