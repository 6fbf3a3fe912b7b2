package org.oostkit.wrt.query.rebuild;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.config.ReadModels;
import org.oostkit.wrt.query.tenant.ReadModelReset;
import org.oostkit.wrt.query.tenant.TenantDirectory;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Rebuilds every tenant's read models from the event store in bulk. Per-event SQL is bounded by database
 * round trips (about a thousand events a second); this reads the store once, applies the events to an
 * in-memory model, and loads the tables with COPY. The read-model processor is stopped meanwhile (on this
 * instance; in a cluster, stop it on the others first) and resumes from the last event rebuilt: events
 * stored during the rebuild are handled live afterwards.
 */
@Component
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final int CHUNK = 4_096;

    private final EventStorageEngine events;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokens;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final TenantDirectory tenants;
    private final ReadModelReset reset;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    ReadModelRebuild(EventStorageEngine events, EventProcessingConfiguration processing, TokenStore tokens,
                     DataSource dataSource, PlatformTransactionManager transactions, TenantDirectory tenants,
                     ReadModelReset reset) {
        this.events = events;
        this.processing = processing;
        this.tokens = tokens;
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(transactions);
        this.tenants = tenants;
        this.reset = reset;
        this.jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
    }

    /** How a rebuild went. */
    public record Result(long events, int tenants, Duration reading, Duration writing) {

        public Duration total() {
            return reading.plus(writing);
        }

        public double eventsPerSecond() {
            return events / Math.max(0.001, total().toNanos() / 1e9);
        }
    }

    /** Progress as it goes: events read so far. */
    public synchronized Result rebuild(Consumer<Long> progress) {
        StreamingEventProcessor processor = processing
                .eventProcessor(ReadModels.GROUP, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        try {
            Instant start = Instant.now();
            InMemoryReadModels model = new InMemoryReadModels();
            long count = 0;
            TrackingToken last = null;
            try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(null, false)) {
                Iterator<? extends TrackedEventMessage<?>> iterator = stream.iterator();
                List<TrackedEventMessage<?>> chunk = new ArrayList<>(CHUNK);
                while (iterator.hasNext()) {
                    chunk.add(iterator.next());
                    if (chunk.size() == CHUNK || !iterator.hasNext()) {
                        apply(model, chunk);
                        count += chunk.size();
                        last = chunk.get(chunk.size() - 1).trackingToken();
                        chunk.clear();
                        progress.accept(count);
                    }
                }
            }
            Instant read = Instant.now();
            TrackingToken position = last;
            transaction.executeWithoutResult(status -> {
                reset.truncateAll();
                model.tenants().forEach(this::write);
                // fresh statistics after a bulk load, or the planner keeps believing the tables are empty
                model.tenants().keySet().forEach(this::analyze);
                if (position != null) {
                    for (int segment : tokens.fetchSegments(ReadModels.GROUP)) {
                        tokens.storeToken(position, ReadModels.GROUP, segment);
                    }
                }
            });
            Result result = new Result(count, model.tenants().size(), Duration.between(start, read),
                    Duration.between(read, Instant.now()));
            log.info("Rebuilt the read models of {} tenant(s) from {} events in {} ({} events/s)", result.tenants(),
                    count, result.total(), Math.round(result.eventsPerSecond()));
            return result;
        } finally {
            processor.start();
        }
    }

    /** Deserializes (and decrypts) the chunk in parallel, then applies it in order. */
    private static void apply(InMemoryReadModels model, List<TrackedEventMessage<?>> chunk) {
        chunk.parallelStream().forEach(TrackedEventMessage::getPayload);
        for (TrackedEventMessage<?> event : chunk) {
            Object tenant = event.getMetaData().get(Actor.TENANT_KEY);
            if (tenant != null) {
                model.apply(UUID.fromString(tenant.toString()), event.getPayload(), event.getTimestamp());
            }
        }
    }

    private void write(UUID tenant, InMemoryReadModels.Tenant tables) {
        String s = tenants.schemaForEvent(tenant.toString(), new OrganisationId(tenant));
        copy(s + ".campaign (campaign_id, name, description, invitation_text, convergence_threshold, "
                + "default_round_days, reminder_enabled, reminder_days_before, status, created_at, completed_at, "
                + "updated_at)", tables.campaigns.values());
        copy(s + ".round (round_id, campaign_id, round_number, status, started_at, deadline, reminder_at, "
                + "reminder_sent_at, closed_at, close_reason, invitation_count)", tables.rounds.values());
        copy(s + ".person (campaign_id, person_id, name, email, source, in_roster, added_at, entered_round, "
                + "contacted_round, nominator_count, first_nominated_round, first_nominated_at, rounds_named)",
                tables.people.values());
        copy(s + ".contact (invitation_id, campaign_id, round_id, round_number, person_id, name, email, "
                + "delivery_status, invited_at, sent_at, failed_at, failure_reason, delivered_at, opened_at, "
                + "clicked_at, bounced_at, spam_at, link_opened_at, code_sent_at, verified_at, responded_at, "
                + "revised_at, reminded_at, nominee_count)", tables.contacts.values());
        copy(s + ".nomination (campaign_id, nominator_id, nominee_id, round_id, round_number, invitation_id, "
                + "nominee_name, nominee_email, reason, nominated_at)", tables.edges.values());
    }

    private void analyze(UUID tenant) {
        String s = tenants.schemaForEvent(tenant.toString(), new OrganisationId(tenant));
        for (String table : ReadModelReset.TABLES) {
            jdbc.execute("ANALYZE " + s + "." + table);
        }
    }

    private void copy(String target, Collection<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + target + " FROM STDIN (FORMAT csv)");
            try {
                StringBuilder line = new StringBuilder(256);
                for (Object[] row : rows) {
                    line.setLength(0);
                    for (int i = 0; i < row.length; i++) {
                        if (i > 0) {
                            line.append(',');
                        }
                        csv(line, row[i]);
                    }
                    line.append('\n');
                    byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                }
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not load " + target, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** A value in PostgreSQL's CSV COPY format: empty for null, strings always quoted. */
    static void csv(StringBuilder out, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof String || value instanceof InMemoryReadModels.RoundsNamed) {
            out.append('"').append(value.toString().replace("\"", "\"\"")).append('"');
        } else {
            out.append(value); // UUID, numbers, booleans and ISO-8601 instants as PostgreSQL reads them
        }
    }

}
