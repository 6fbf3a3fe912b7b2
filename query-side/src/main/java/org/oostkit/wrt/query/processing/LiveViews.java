package org.oostkit.wrt.query.processing;

import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaign;
import org.oostkit.wrt.query.api.RoundQueries.FindRound;
import org.oostkit.wrt.query.campaign.CampaignReadModel;
import org.oostkit.wrt.query.round.RoundReadModel;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Pushes the new summary of a campaign or state of a round to subscription queries watching it: read only when
 * someone watches, once per batch of events, after the batch's writes, and sent once the transaction commits.
 */
@Component
class LiveViews {

    private final QueryUpdateEmitter emitter;
    private final CampaignReadModel campaigns;
    private final RoundReadModel rounds;
    private final BatchTables writes;

    LiveViews(QueryUpdateEmitter emitter, CampaignReadModel campaigns, RoundReadModel rounds, BatchTables writes) {
        this.emitter = emitter;
        this.campaigns = campaigns;
        this.rounds = rounds;
        this.writes = writes;
    }

    void campaignChanged(OrganisationId organisation, CampaignId campaign) {
        boolean watched = emitter.activeSubscriptions().stream()
                .anyMatch(s -> s.getPayload() instanceof FindCampaign q && matches(q, organisation, campaign));
        if (watched) {
            writes.afterWrites(List.of(FindCampaign.class, organisation, campaign), () ->
                    campaigns.campaign(organisation, campaign).ifPresent(view -> writes.afterCommit(() ->
                            emitter.emit(FindCampaign.class, q -> matches(q, organisation, campaign), view))));
        }
    }

    boolean anyRoundWatched() {
        return emitter.activeSubscriptions().stream().anyMatch(s -> s.getPayload() instanceof FindRound);
    }

    void roundChanged(OrganisationId organisation, CampaignId campaign, int number) {
        boolean watched = emitter.activeSubscriptions().stream()
                .anyMatch(s -> s.getPayload() instanceof FindRound q && matches(q, organisation, campaign, number));
        if (watched) {
            writes.afterWrites(List.of(FindRound.class, organisation, campaign, number), () ->
                    rounds.round(organisation, campaign, number).ifPresent(view -> writes.afterCommit(() ->
                            emitter.emit(FindRound.class, q -> matches(q, organisation, campaign, number), view))));
        }
    }

    private static boolean matches(FindCampaign query, OrganisationId organisation, CampaignId campaign) {
        return query.organisationId().equals(organisation) && query.campaignId().equals(campaign);
    }

    private static boolean matches(FindRound query, OrganisationId organisation, CampaignId campaign, int number) {
        return query.organisationId().equals(organisation) && query.campaignId().equals(campaign)
                && query.roundNumber() == number;
    }
}
