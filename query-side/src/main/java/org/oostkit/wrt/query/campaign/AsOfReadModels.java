package org.oostkit.wrt.query.campaign;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.api.AsOfQueries.FindConvergenceAsOf;
import org.oostkit.wrt.query.api.AsOfQueries.FindStatisticsAsOf;
import org.oostkit.wrt.query.api.CampaignQueries.CandidateFilter;
import org.oostkit.wrt.query.api.CampaignQueries.FindConvergence;
import org.oostkit.wrt.query.api.ConvergenceView;
import org.oostkit.wrt.query.api.StatisticsView;
import org.oostkit.wrt.query.projection.ReadModelRules;
import org.oostkit.wrt.query.projection.Row;
import org.oostkit.wrt.query.sink.CopyLoader;
import org.oostkit.wrt.query.sink.MemoryTables;
import org.oostkit.wrt.query.tenant.TenantDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The as-of views: a campaign's events up to an instant through the rules into memory, copied into temporary
 * tables of a transaction that is rolled back, and read by the live queries themselves.
 */
@Component
public class AsOfReadModels {

    private static final String TEMP = "pg_temp";

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final Serializer serializer;
    private final ObjectProvider<org.axonframework.config.Configuration> axon;
    private final CampaignReadModel model;
    private final TenantDirectory tenants;

    AsOfReadModels(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                   @Qualifier("eventSerializer") Serializer serializer,
                   ObjectProvider<org.axonframework.config.Configuration> axon, CampaignReadModel model,
                   TenantDirectory tenants) {
        this.jdbc = jdbc;
        this.dataSource = jdbc.getDataSource();
        // a transaction of its own, always rolled back: the caller's (Axon wraps query handling in one) stays
        // untouched, and so does every stored row
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.serializer = serializer;
        this.axon = axon;
        this.model = model;
        this.tenants = tenants;
    }

    @QueryHandler
    public ConvergenceView handle(FindConvergenceAsOf query) {
        FindConvergence live = new FindConvergence(query.organisationId(), query.campaignId(),
                query.filter() == null ? CandidateFilter.ALL : query.filter(), query.offset(), query.limit());
        return asOf(query.organisationId(), query.campaignId(), query.at(),
                // the page's reasons from the same replayed tables, erased exactly as the live ones
                schema -> model.withReasonsIn(schema, query.campaignId(), model.convergenceIn(schema, live)));
    }

    @QueryHandler
    public StatisticsView handle(FindStatisticsAsOf query) {
        return asOf(query.organisationId(), query.campaignId(), query.at(),
                schema -> model.statisticsIn(schema, query.campaignId()));
    }

    private <R> R asOf(OrganisationId organisation, CampaignId campaign, Instant at, Function<Optional<String>, R> read) {
        Optional<String> tenant = tenants.schemaFor(organisation);
        MemoryTables tables = new MemoryTables();
        if (tenant.isEmpty() || !replay(organisation, campaign, at, List.of(),
                event -> ReadModelRules.apply(event.getPayload(), event.getTimestamp(), tables))) {
            // nothing of this organisation's campaign existed then: the same empty answer as an unknown campaign
            return read.apply(Optional.empty());
        }
        return transaction.execute(status -> {
            status.setRollbackOnly();
            for (Row.Table<?> table : Row.Table.all()) {
                jdbc.execute("CREATE TEMPORARY TABLE " + table.name() + " (LIKE " + tenant.get() + "." + table.name()
                        + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES) ON COMMIT DROP");
            }
            CopyLoader.load(dataSource, TEMP, tables);
            return read.apply(Optional.of(TEMP));
        });
    }

    /** The organisation's campaign events stored up to {@code at} (only {@code types} unless empty); false if none. */
    public boolean replay(OrganisationId organisation, CampaignId campaign, Instant at, List<String> types,
                          Consumer<DomainEventMessage<?>> apply) {
        List<DomainEventData<?>> rows = new ArrayList<>();
        jdbc.query("SELECT eventidentifier, aggregateidentifier, sequencenumber, type, timestamp, payloadtype, "
                + "payloadrevision, payload, metadata FROM domainevententry WHERE campaign_id = ? "
                + (types.isEmpty() ? "" : "AND payloadtype = ANY(?) ") + "ORDER BY globalindex", rs -> {
                    rows.add(new GenericDomainEventEntry<>(rs.getString(4), rs.getString(2), rs.getLong(3),
                            rs.getString(1), rs.getString(5), rs.getString(6), rs.getString(7), rs.getBytes(8),
                            rs.getBytes(9)));
                }, types.isEmpty() ? new Object[] {campaign.value()}
                        : new Object[] {campaign.value(), types.toArray(String[]::new)});
        DomainEventStream events = EventStreamUtils.upcastAndDeserializeDomainEvents(
                rows.stream().filter(row -> !row.getTimestamp().isAfter(at)), serializer, upcasters());
        boolean any = false;
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            Object tenant = event.getMetaData().get(Actor.TENANT_KEY);
            // only the asking organisation's events, as the live projections route them
            if (tenant != null && tenant.toString().equals(organisation.toString())) {
                apply.accept(event);
                any = true;
            }
        }
        return any;
    }

    private EventUpcaster upcasters() {
        org.axonframework.config.Configuration configuration = axon.getIfAvailable();
        return configuration == null ? NoOpEventUpcaster.INSTANCE : configuration.upcasterChain();
    }
}
