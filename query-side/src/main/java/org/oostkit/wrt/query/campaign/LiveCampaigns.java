package org.oostkit.wrt.query.campaign;

import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaign;
import org.oostkit.wrt.query.processing.BatchTables;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Pushes the new summary of a campaign to subscription queries watching it: only when someone watches, once
 * per batch of events, after the batch's writes, and sent once the transaction commits.
 */
@Component
public class LiveCampaigns {

    private final QueryUpdateEmitter emitter;
    private final CampaignReadModel model;
    private final BatchTables writes;

    LiveCampaigns(QueryUpdateEmitter emitter, CampaignReadModel model, BatchTables writes) {
        this.emitter = emitter;
        this.model = model;
        this.writes = writes;
    }

    public void campaignChanged(OrganisationId organisation, CampaignId campaign) {
        boolean watched = emitter.activeSubscriptions().stream()
                .anyMatch(s -> s.getPayload() instanceof FindCampaign q && matches(q, organisation, campaign));
        if (watched) {
            writes.afterWrites(List.of(FindCampaign.class, organisation, campaign), () ->
                    model.campaign(organisation, campaign).ifPresent(view ->
                            writes.afterCommit(() ->
                                    emitter.emit(FindCampaign.class, q -> matches(q, organisation, campaign), view))));
        }
    }

    private static boolean matches(FindCampaign query, OrganisationId organisation, CampaignId campaign) {
        return query.organisationId().equals(organisation) && query.campaignId().equals(campaign);
    }
}
