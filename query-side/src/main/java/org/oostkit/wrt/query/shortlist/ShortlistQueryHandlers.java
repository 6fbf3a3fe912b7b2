package org.oostkit.wrt.query.shortlist;

import org.axonframework.queryhandling.QueryHandler;
import org.oostkit.wrt.api.campaign.CampaignErased;
import org.oostkit.wrt.api.campaign.PersonErased;
import org.oostkit.wrt.api.campaign.PersonRemovedFromShortlist;
import org.oostkit.wrt.api.campaign.PersonShortlisted;
import org.oostkit.wrt.api.campaign.PersonToldOfSelection;
import org.oostkit.wrt.api.campaign.SelectionMailNotSent;
import org.oostkit.wrt.api.campaign.SelectionMailRequested;
import org.oostkit.wrt.api.campaign.ShortlistClosed;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.query.api.ShortlistQueries.FindShortlist;
import org.oostkit.wrt.query.api.ShortlistQueries.FindShortlistAsOf;
import org.oostkit.wrt.query.api.ShortlistView;
import org.oostkit.wrt.query.campaign.AsOfReadModels;
import org.oostkit.wrt.query.projection.ShortlistRules;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Answers the shortlist now and as it stood at an instant: only its event types, so nominations are not read. */
@Component
class ShortlistQueryHandlers {

    private static final List<String> TYPES = List.of(PersonShortlisted.class.getName(),
            PersonRemovedFromShortlist.class.getName(), ShortlistClosed.class.getName(), PersonErased.class.getName(),
            CampaignErased.class.getName(), SelectionMailRequested.class.getName(),
            PersonToldOfSelection.class.getName(), SelectionMailNotSent.class.getName());

    private final ShortlistReadModel model;
    private final AsOfReadModels asOf;

    ShortlistQueryHandlers(ShortlistReadModel model, AsOfReadModels asOf) {
        this.model = model;
        this.asOf = asOf;
    }

    @QueryHandler
    ShortlistView handle(FindShortlist query) {
        return model.shortlist(query.organisationId(), query.campaignId());
    }

    @QueryHandler
    ShortlistView handle(FindShortlistAsOf query) {
        Optional<String> schema = model.schema(query.organisationId());
        if (schema.isEmpty()) {
            return ShortlistView.EMPTY;
        }
        ShortlistRules rules = new ShortlistRules();
        asOf.replay(query.organisationId(), query.campaignId(), query.at(), TYPES, event -> {
            Object actor = event.getMetaData().get(Actor.METADATA_KEY);
            rules.apply(event.getPayload(), event.getTimestamp(), actor == null ? null : actor.toString());
        });
        return model.view(schema.get(), query.campaignId(), rules);
    }
}
