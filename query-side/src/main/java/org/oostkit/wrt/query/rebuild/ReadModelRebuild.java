package org.oostkit.wrt.query.rebuild;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.organisation.OrganisationEvent;
import org.oostkit.wrt.api.campaign.CampaignEvent;
import org.oostkit.wrt.query.processing.ReadModels;
import org.oostkit.wrt.query.projection.ReadModelRules;
import org.oostkit.wrt.query.projection.Row;
import org.oostkit.wrt.query.sink.CopyLoader;
import org.oostkit.wrt.query.sink.MemoryTables;
import org.oostkit.wrt.query.processing.DeadLetterQueues;
import org.oostkit.wrt.query.processing.ReadModelReset;
import org.oostkit.wrt.query.tenant.TenantDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Rebuilds the read models in bulk (one read of the store, rules in memory, COPY), since per-event SQL is bound by
 * round trips; one tenant alone keeps every token where it was.
 */
@Component
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final int CHUNK = 4_096;
    private static final int READ_BATCH = 10_000;
    private static final int AHEAD = 4;
    private static final int DESERIALIZERS = Math.max(2, Runtime.getRuntime().availableProcessors());

    private final EventStorageEngine events;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokens;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final TenantDirectory tenants;
    private final ReadModelReset reset;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    ReadModelRebuild(ConnectionProvider connections, @Qualifier("eventSerializer") Serializer eventSerializer,
                     Serializer serializer, org.axonframework.config.Configuration axon,
                     TransactionManager axonTransactions, EventProcessingConfiguration processing, TokenStore tokens,
                     DataSource dataSource, PlatformTransactionManager transactions, TenantDirectory tenants,
                     ReadModelReset reset) {
        // the application's engine reads 100 events per query; a rebuild reads the store in large batches
        this.events = JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(axonTransactions)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .upcasterChain(axon.upcasterChain())
                .batchSize(READ_BATCH)
                .build();
        this.processing = processing;
        this.tokens = tokens;
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(transactions);
        this.tenants = tenants;
        this.reset = reset;
        this.jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
    }

    /** How a rebuild went. */
    public record Result(long events, int tenants, Duration reading, Duration writing, Map<UUID, String> notRebuilt) {

        public Duration total() {
            return reading.plus(writing);
        }

        public double eventsPerSecond() {
            return events / Math.max(0.001, total().toNanos() / 1e9);
        }
    }

    /** Follows a rebuild: how many events there are to read, how many are read, when writing starts. */
    public interface Listener {

        /** The number of events in the store when the rebuild started (more may arrive meanwhile). */
        default void started(long totalEvents) {
        }

        /** Events read and applied so far. */
        void progressed(long eventsRead);

        /** Reading is done; the tables are being replaced. */
        default void writing() {
        }

        /** The organisations left as they were, and why (event id and kind of failure, never content). */
        default void notRebuilt(Map<UUID, String> organisations) {
        }
    }

    /** Rebuilds one tenant ({@code organisation}), or every tenant when null. */
    public synchronized Result rebuild(OrganisationId organisation, Listener listener) {
        StreamingEventProcessor processor = processing
                .eventProcessor(ReadModels.GROUP, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        try {
            Instant start = Instant.now();
            Long total = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
            listener.started(total == null ? 0 : total);
            Handled handled = organisation == null ? null : handledByProcessor();
            Map<UUID, MemoryTables> model = new java.util.LinkedHashMap<>();
            Failures failures = new Failures();
            long count = 0;
            TrackingToken last = null;
            ExecutorService reader = Executors.newSingleThreadExecutor(r -> new Thread(r, "rebuild-reader"));
            // its own threads: on a two-core machine the common pool has a single worker
            ExecutorService workers = Executors.newFixedThreadPool(DESERIALIZERS, r -> new Thread(r, "rebuild-worker"));
            try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(null, false)) {
                // one thread reads the store ahead while the chunks are deserialized in parallel and applied
                // here in order; at most AHEAD chunks wait, so memory stays bounded
                Iterator<? extends TrackedEventMessage<?>> iterator = stream.iterator();
                BlockingQueue<Future<List<TrackedEventMessage<?>>>> ready = new ArrayBlockingQueue<>(AHEAD);
                Future<?> reading = reader.submit(() -> {
                    while (iterator.hasNext()) {
                        List<TrackedEventMessage<?>> chunk = new ArrayList<>(CHUNK);
                        while (iterator.hasNext() && chunk.size() < CHUNK) {
                            chunk.add(iterator.next());
                        }
                        ready.put(CompletableFuture.supplyAsync(() -> deserialized(chunk), workers));
                    }
                    ready.put(CompletableFuture.completedFuture(List.of()));
                    return null;
                });
                while (true) {
                    List<TrackedEventMessage<?>> chunk = ready.take().get();
                    if (chunk.isEmpty()) {
                        break;
                    }
                    apply(model, chunk, organisation, handled, failures);
                    count += chunk.size();
                    last = chunk.get(chunk.size() - 1).trackingToken();
                    listener.progressed(count);
                }
                reading.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("rebuild interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("rebuild failed reading the event store", e.getCause());
            } finally {
                reader.shutdownNow();
                workers.shutdownNow();
            }
            Instant read = Instant.now();
            listener.writing();
            if (organisation != null) {
                String failed = failures.reasons.get(organisation.value());
                if (failed != null) {
                    listener.notRebuilt(Map.of(organisation.value(), failed));
                    throw new IllegalStateException("organisation " + organisation + " not rebuilt: " + failed);
                }
                replaceOne(organisation, model);
                Result result = new Result(count, 1, Duration.between(start, read),
                        Duration.between(read, Instant.now()), Map.of());
                log.info("Rebuilt the read models of organisation {} ({} events read) in {}", organisation,
                        count, result.total());
                return result;
            }
            TrackingToken position = last;
            transaction.executeWithoutResult(status -> {
                reset.forgetFailures();
                // each tenant in a savepoint: one whose tables refuse its rows keeps its old tables (and its
                // dead letters) and is reported; every other tenant is rebuilt
                java.util.Set<UUID> done = new java.util.HashSet<>();
                for (String schema : tenants.allSchemas()) {
                    UUID tenant = tenantOfSchema(schema);
                    done.add(tenant);
                    if (!failures.reasons.containsKey(tenant)) {
                        replaceInSavepoint(tenant, schema, model, failures);
                    }
                }
                for (UUID tenant : List.copyOf(model.keySet())) {
                    if (!done.contains(tenant) && !failures.reasons.containsKey(tenant)) {
                        replaceInSavepoint(tenant, null, model, failures); // its schema is made as it is written
                    }
                }
                // every event is in the rebuilt tables now, including any that had been dead-lettered
                jdbc.update("DELETE FROM deadletterentry WHERE processinggroup = ? AND NOT (sequenceidentifier = ANY (?))",
                        ReadModels.GROUP, failures.keptSequences(model));
                if (position != null) {
                    for (int segment : tokens.fetchSegments(ReadModels.GROUP)) {
                        tokens.storeToken(position, ReadModels.GROUP, segment);
                    }
                }
            });
            if (!failures.reasons.isEmpty()) {
                failures.reasons.forEach((tenant, why) -> log.error("Read models of organisation {} not rebuilt "
                        + "(its tables are as they were; rebuild it alone once fixed): {}", tenant, why));
                listener.notRebuilt(Map.copyOf(failures.reasons));
            }
            Result result = new Result(count, model.size() - failures.reasons.size(),
                    Duration.between(start, read), Duration.between(read, Instant.now()), Map.copyOf(failures.reasons));
            log.info("Rebuilt the read models of {} tenant(s) from {} events in {} (reading {}, writing {}): {} events/s",
                    result.tenants(), count, result.total(), result.reading(), result.writing(),
                    Math.round(result.eventsPerSecond()));
            return result;
        } finally {
            processor.start();
        }
    }

    /** Replaces one tenant's tables and dead letters, leaving the tokens: the tables hold exactly what they cover. */
    private void replaceOne(OrganisationId organisation, Map<UUID, MemoryTables> model) {
        String schema = tenants.schemaFor(organisation)
                .orElseThrow(() -> new IllegalArgumentException("unknown organisation " + organisation));
        MemoryTables tables = model.get(organisation.value());
        transaction.executeWithoutResult(status -> {
            reset.truncate(schema);
            if (tables != null) {
                String[] sequences = tables.campaignIds().stream().map(UUID::toString).toArray(String[]::new);
                jdbc.update("DELETE FROM deadletterentry WHERE processinggroup = ? AND (sequenceidentifier = ANY (?) "
                        + "OR sequenceidentifier = ?)", ReadModels.GROUP, sequences, organisation.toString());
                load(organisation.value(), tables);
            }
        });
    }

    /** Which events the (stopped) processor has handled: per segment, its token. */
    private Handled handledByProcessor() {
        int[] ids = tokens.fetchSegments(ReadModels.GROUP);
        Map<Segment, TrackingToken> bySegment = new HashMap<>();
        for (int id : ids) {
            bySegment.put(Segment.computeSegment(id, ids), tokens.fetchToken(ReadModels.GROUP, id));
            tokens.releaseClaim(ReadModels.GROUP, id); // fetching claims; the processor claims it again on start
        }
        return new Handled(processing.sequencingPolicy(ReadModels.GROUP), bySegment);
    }

    /** The processor's segments and their tokens, and how it assigns events to segments. */
    private record Handled(SequencingPolicy<? super EventMessage<?>> policy, Map<Segment, TrackingToken> tokens) {

        boolean covers(TrackedEventMessage<?> event) {
            // as Axon's handler invoker assigns an event to a segment
            Object sequence = policy.getSequenceIdentifierFor(event);
            int hash = Objects.hashCode(sequence == null ? event.getIdentifier() : sequence);
            for (Map.Entry<Segment, TrackingToken> entry : tokens.entrySet()) {
                if (entry.getKey().matches(hash)) {
                    return entry.getValue() != null && entry.getValue().covers(event.trackingToken());
                }
            }
            return false;
        }
    }

    /** Deserializes (and decrypts) payload and metadata of a chunk; chunks are deserialized in parallel. */
    private static List<TrackedEventMessage<?>> deserialized(List<TrackedEventMessage<?>> chunk) {
        chunk.forEach(event -> {
            event.getPayload();
            event.getMetaData();
            event.getTimestamp();
        });
        return chunk;
    }

    /** Replaces one tenant's tables, or leaves them as they were and reports it. */
    private void replaceInSavepoint(UUID tenant, String schema, Map<UUID, MemoryTables> model, Failures failures) {
        jdbc.execute("SAVEPOINT wrt_rebuild_tenant");
        try {
            if (schema != null) {
                reset.truncate(schema);
            }
            MemoryTables tables = model.get(tenant);
            if (tables != null) {
                load(tenant, tables);
            }
            jdbc.execute("RELEASE SAVEPOINT wrt_rebuild_tenant");
        } catch (RuntimeException e) {
            jdbc.execute("ROLLBACK TO SAVEPOINT wrt_rebuild_tenant");
            failures.reasons.put(tenant, "its tables refused the rebuilt rows: " + DeadLetterQueues.describe(e));
        }
    }

    /** The tenants that could not be rebuilt, and the dead-letter sequences that stay theirs. */
    private static final class Failures {
        final Map<UUID, String> reasons = new java.util.LinkedHashMap<>();
        final Map<UUID, java.util.Set<String>> sequences = new HashMap<>();

        void failed(UUID tenant, TrackedEventMessage<?> event, String why) {
            reasons.putIfAbsent(tenant, "event " + event.getIdentifier() + " ("
                    + event.getPayloadType().getSimpleName() + ") could not be applied: " + why);
        }

        void skipped(UUID tenant, Object payload) {
            if (payload instanceof CampaignEvent e && e.campaignId() != null) {
                sequences.computeIfAbsent(tenant, t -> new java.util.HashSet<>()).add(e.campaignId().toString());
            }
        }

        String[] keptSequences(Map<UUID, MemoryTables> model) {
            java.util.Set<String> kept = new java.util.HashSet<>();
            for (UUID tenant : reasons.keySet()) {
                kept.add(tenant.toString());
                kept.addAll(sequences.getOrDefault(tenant, java.util.Set.of()));
                MemoryTables tables = model.get(tenant);
                if (tables != null) {
                    tables.campaignIds().forEach(campaign -> kept.add(campaign.toString()));
                }
            }
            return kept.toArray(String[]::new);
        }
    }

    /** tenant_0123…: the organisation id, without its dashes. */
    private static UUID tenantOfSchema(String schema) {
        return UUID.fromString(schema.substring("tenant_".length())
                .replaceFirst("(\\p{XDigit}{8})(\\p{XDigit}{4})(\\p{XDigit}{4})(\\p{XDigit}{4})(\\p{XDigit}{12})",
                        "$1-$2-$3-$4-$5"));
    }

    /** Applies a deserialized chunk in order; a tenant whose event fails is left out from there on. */
    private static void apply(Map<UUID, MemoryTables> model, List<TrackedEventMessage<?>> chunk, OrganisationId only,
                              Handled handled, Failures failures) {
        for (TrackedEventMessage<?> event : chunk) {
            OrganisationId organisation = event.getPayload() instanceof OrganisationEvent e ? e.organisationId() : null;
            if (organisation == null) {
                continue; // not an organisation's event (none of the read models use it)
            }
            if (only != null && (!only.equals(organisation) || !handled.covers(event))) {
                continue; // another tenant's, or not handled by the processor yet: it will be, live
            }
            UUID key = organisation.value();
            if (failures.reasons.containsKey(key)) {
                failures.skipped(key, event.getPayload());
                continue;
            }
            Object tenant = event.getMetaData().get(Actor.TENANT_KEY);
            if (tenant == null || !tenant.toString().equals(organisation.toString())) {
                // as the live projections do: an event whose metadata names another tenant is not applied
                failures.failed(key, event, "it carries another tenant's metadata");
                continue;
            }
            try {
                ReadModelRules.apply(event.getPayload(), event.getTimestamp(),
                        model.computeIfAbsent(key, k -> new MemoryTables()));
            } catch (RuntimeException e) {
                failures.failed(key, event, DeadLetterQueues.describe(e));
                failures.skipped(key, event.getPayload());
            }
        }
    }

    private void load(UUID tenant, MemoryTables tables) {
        String s = tenants.schemaForEvent(tenant.toString(), new OrganisationId(tenant));
        CopyLoader.load(dataSource, s, tables);
        for (Row.Table<?> table : Row.Table.all()) {
            jdbc.execute("ANALYZE " + s + "." + table.name());
        }
    }

}
