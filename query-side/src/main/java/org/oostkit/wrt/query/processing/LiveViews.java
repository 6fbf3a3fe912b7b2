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
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

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
        changed(FindCampaign.class, q -> q.organisationId().equals(organisation) && q.campaignId().equals(campaign),
                List.of(FindCampaign.class, organisation, campaign), () -> campaigns.campaign(organisation, campaign));
    }

    boolean anyRoundWatched() {
        return emitter.activeSubscriptions().stream().anyMatch(s -> s.getPayload() instanceof FindRound);
    }

    void roundChanged(OrganisationId organisation, CampaignId campaign, int number) {
        changed(FindRound.class, q -> q.organisationId().equals(organisation) && q.campaignId().equals(campaign)
                        && q.roundNumber() == number, List.of(FindRound.class, organisation, campaign, number),
                () -> Optional.ofNullable(rounds.round(new FindRound(organisation, campaign, number))));
    }

    private <Q, V> void changed(Class<Q> type, Predicate<Q> mine, List<Object> key, Supplier<Optional<V>> read) {
        if (emitter.activeSubscriptions().stream()
                .anyMatch(s -> type.isInstance(s.getPayload()) && mine.test(type.cast(s.getPayload())))) {
            writes.afterWrites(key, () -> read.get().ifPresent(view -> writes.afterCommit(() ->
                    emitter.emit(type, mine, view))));
        }
    }
}
