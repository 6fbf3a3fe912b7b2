package org.oostkit.wrt.query.round;

import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.api.RoundQueries.FindRound;
import org.oostkit.wrt.query.processing.BatchTables;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Pushes the new state of a round to subscription queries watching it. The view is read only when someone
 * watches that round, once per batch of events, after the batch's writes; Axon emits it after the
 * projection's transaction commits.
 */
@Component
public class LiveRounds {

    private final QueryUpdateEmitter emitter;
    private final RoundReadModel model;
    private final BatchTables writes;

    LiveRounds(QueryUpdateEmitter emitter, RoundReadModel model, BatchTables writes) {
        this.emitter = emitter;
        this.model = model;
        this.writes = writes;
    }

    public boolean anyoneWatching() {
        return emitter.activeSubscriptions().stream().anyMatch(s -> s.getPayload() instanceof FindRound);
    }

    public void roundChanged(OrganisationId organisation, CampaignId campaign, int number) {
        boolean watched = emitter.activeSubscriptions().stream()
                .anyMatch(s -> s.getPayload() instanceof FindRound q && matches(q, organisation, campaign, number));
        if (watched) {
            writes.afterWrites(List.of(FindRound.class, organisation, campaign, number), () ->
                    model.round(organisation, campaign, number).ifPresent(view ->
                            writes.afterCommit(() ->
                                    emitter.emit(FindRound.class, q -> matches(q, organisation, campaign, number), view))));
        }
    }

    private static boolean matches(FindRound query, OrganisationId organisation, CampaignId campaign, int number) {
        return query.organisationId().equals(organisation) && query.campaignId().equals(campaign)
                && query.roundNumber() == number;
    }
}
