package org.oostkit.wrt.query.shortlist;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
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
import org.oostkit.wrt.query.projection.ShortlistRules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers the shortlist now (from its table) and as it stood at an instant: the campaign's shortlist events up
 * to then (found by the event store's campaign column and their type, so a large campaign's nominations are
 * not read), applied to the same {@link ShortlistRules}.
 */
@Component
class ShortlistQueryHandlers {

    private static final List<String> TYPES = List.of(PersonShortlisted.class.getName(),
            PersonRemovedFromShortlist.class.getName(), ShortlistClosed.class.getName(), PersonErased.class.getName(),
            CampaignErased.class.getName(), SelectionMailRequested.class.getName(),
            PersonToldOfSelection.class.getName(), SelectionMailNotSent.class.getName());

    private final ShortlistReadModel model;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final ObjectProvider<org.axonframework.config.Configuration> axon;

    ShortlistQueryHandlers(ShortlistReadModel model, JdbcTemplate jdbc,
                           @Qualifier("eventSerializer") Serializer serializer,
                           ObjectProvider<org.axonframework.config.Configuration> axon) {
        this.model = model;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.axon = axon;
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
        List<DomainEventData<?>> rows = new ArrayList<>();
        jdbc.query("SELECT eventidentifier, aggregateidentifier, sequencenumber, type, timestamp, payloadtype, "
                + "payloadrevision, payload, metadata FROM domainevententry WHERE campaign_id = ? "
                + "AND payloadtype = ANY(?) ORDER BY globalindex", rs -> {
                    rows.add(new GenericDomainEventEntry<>(rs.getString(4), rs.getString(2), rs.getLong(3),
                            rs.getString(1), rs.getString(5), rs.getString(6), rs.getString(7), rs.getBytes(8),
                            rs.getBytes(9)));
                }, query.campaignId().value(), TYPES.toArray(String[]::new));
        DomainEventStream events = EventStreamUtils.upcastAndDeserializeDomainEvents(
                rows.stream().filter(row -> !row.getTimestamp().isAfter(query.at())), serializer, upcasters());
        ShortlistRules rules = new ShortlistRules();
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            Object tenant = event.getMetaData().get(Actor.TENANT_KEY);
            Object actor = event.getMetaData().get(Actor.METADATA_KEY);
            if (tenant != null && tenant.toString().equals(query.organisationId().toString())) {
                rules.apply(event.getPayload(), event.getTimestamp(), actor == null ? null : actor.toString());
            }
        }
        return model.view(schema.get(), query.campaignId(), rules);
    }

    private EventUpcaster upcasters() {
        org.axonframework.config.Configuration configuration = axon.getIfAvailable();
        return configuration == null ? NoOpEventUpcaster.INSTANCE : configuration.upcasterChain();
    }
}
