package org.oostkit.wrt.query.round;

import org.axonframework.queryhandling.QueryHandler;
import org.oostkit.wrt.query.api.ContactView;
import org.oostkit.wrt.query.api.RoundQueries.FindContacts;
import org.oostkit.wrt.query.api.RoundQueries.FindRound;
import org.oostkit.wrt.query.api.RoundQueries.FindRounds;
import org.oostkit.wrt.query.api.RoundView;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class RoundQueryHandlers {

    private final RoundReadModel model;

    RoundQueryHandlers(RoundReadModel model) {
        this.model = model;
    }

    @QueryHandler
    List<RoundView> handle(FindRounds query) {
        return model.rounds(query.organisationId(), query.campaignId());
    }

    @QueryHandler
    RoundView handle(FindRound query) {
        return model.round(query.organisationId(), query.campaignId(), query.roundNumber()).orElse(null);
    }

    @QueryHandler
    List<ContactView> handle(FindContacts query) {
        return model.contacts(query.organisationId(), query.campaignId(), query.roundNumber(), query.status());
    }
}
