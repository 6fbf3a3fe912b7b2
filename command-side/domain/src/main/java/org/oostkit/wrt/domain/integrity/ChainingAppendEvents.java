package org.oostkit.wrt.domain.integrity;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The JDBC event store's insert, with the hash chain and the campaign column. The payload is serialized
 * (and so encrypted) exactly once, here, and the hash covers those very bytes: re-serializing would give
 * other ciphertext (AES-GCM with random nonces).
 * <p>
 * The previous hash of an aggregate comes from the same batch or, for the batch's first event of that
 * aggregate, from its stored event {@code sequence - 1}: remembered from an append committed by this instance,
 * or read on the appending transaction's connection (so it sees events appended earlier in the same
 * transaction). Appends to one aggregate are serialized
 * by Axon's aggregate lock and the unique {@code (aggregate, sequence)} constraint: a concurrent append
 * computed from a stale predecessor fails on that constraint and is retried.
 * <p>
 * An event published outside an aggregate is stored by Axon as an aggregate of its own (its id, sequence
 * 0): it starts and ends its own chain. Snapshots are not chained (they are derived, and replaceable).
 * <p>
 * No event may commit at a higher global index while a large append (a round start: N+3 events) is still
 * open: the processors would pass over its indices as a gap, and drop gaps more than a window behind. So an
 * append of more than {@code largeAppend} events takes a transaction lock on the event store exclusively
 * (waiting for the appends in flight, which take it shared, to commit) before its indices are drawn, and
 * every later append waits for its commit. Small appends do not wait for each other: the gaps they leave are
 * a few indices wide, far inside the processors' gap window.
 */
public class ChainingAppendEvents implements AppendEventsStatementBuilder {

    /** The appends' transaction lock (pg_advisory_xact_lock key): "WRTEVENT". */
    static final long APPEND_LOCK = 0x5752544556454E54L;
    /** Appends of more events than this run alone. */
    public static final int DEFAULT_LARGE_APPEND = 500;

    private final int largeAppend;

    public ChainingAppendEvents() {
        this(DEFAULT_LARGE_APPEND);
    }

    public ChainingAppendEvents(int largeAppend) {
        this.largeAppend = largeAppend;
    }

    /**
     * The hash and campaign of recently committed events, by aggregate and sequence number. A committed event
     * never changes, so an entry is a fact; entries are added only once their transaction has committed, and
     * spare the append a read of its predecessor (an aggregate's next command usually follows soon).
     */
    private final Cache<Committed, Link> committed = Caffeine.newBuilder().maximumSize(50_000).build();

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter timestampWriter) throws SQLException {
        lock(connection, events.size() > largeAppend);
        String sql = "INSERT INTO " + schema.domainEventTable() + " (" + schema.domainEventFields()
                + ", campaign_id) VALUES (?,?,?,?,?,?,?,?,?,?)";
        Map<String, Link> last = new HashMap<>();
        Map<String, Long> lastSequence = new HashMap<>();
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (EventMessage<?> message : events) {
                DomainEventMessage<?> event = asDomainEvent(message);
                String aggregate = event.getAggregateIdentifier();
                Link previous = last.containsKey(aggregate) ? last.get(aggregate)
                        : predecessor(connection, schema, aggregate, event.getSequenceNumber());
                SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
                SerializedObject<byte[]> serializedMetaData = event.serializeMetaData(serializer, byte[].class);
                Map<String, Object> metaData = EventHash.parseMetaData(serializedMetaData.getData());
                String timestamp = DateTimeUtils.formatInstant(event.getTimestamp());
                UUID named = PayloadIds.campaign(payload.getData());
                UUID campaign = named != null ? named : previous.campaign();
                String hash = EventHash.of(new EventHash.Input(previous.hash(), aggregate,
                        event.getSequenceNumber(), event.getType(), event.getIdentifier(), timestamp,
                        payload.getType().getName(), payload.getType().getRevision(), payload.getData(),
                        EventHash.canonical(metaData)));
                statement.setString(1, event.getIdentifier());
                statement.setString(2, aggregate);
                statement.setLong(3, event.getSequenceNumber());
                statement.setString(4, event.getType());
                statement.setString(5, timestamp);
                statement.setString(6, payload.getType().getName());
                statement.setString(7, payload.getType().getRevision());
                statement.setBytes(8, payload.getData());
                statement.setBytes(9, EventHash.withHash(metaData, hash));
                if (campaign == null) {
                    statement.setNull(10, Types.OTHER);
                } else {
                    statement.setObject(10, campaign);
                }
                statement.addBatch();
                last.put(aggregate, new Link(hash, campaign));
                lastSequence.put(aggregate, event.getSequenceNumber());
            }
            rememberAfterCommit(last, lastSequence);
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** Held until the appending transaction ends (outside a transaction it would protect nothing). */
    private static void lock(Connection connection, boolean exclusive) throws SQLException {
        if (connection.getAutoCommit()) {
            return;
        }
        try (PreparedStatement lock = connection.prepareStatement(exclusive
                ? "SELECT pg_advisory_xact_lock(?)" : "SELECT pg_advisory_xact_lock_shared(?)")) {
            lock.setLong(1, APPEND_LOCK);
            lock.execute();
        }
    }

    /** The hash and campaign of an aggregate's latest event. */
    private record Link(String hash, UUID campaign) {
        static final Link NONE = new Link(EventHash.GENESIS, null);
    }

    private record Committed(String aggregate, long sequence) {
    }

    private Link predecessor(Connection connection, EventSchema schema, String aggregate, long sequence)
            throws SQLException {
        if (sequence == 0) {
            return Link.NONE;
        }
        Link known = committed.getIfPresent(new Committed(aggregate, sequence - 1));
        return known != null ? known : stored(connection, schema, aggregate, sequence);
    }

    /** Once the appending transaction has committed, its last event per aggregate is known for the next append. */
    private void rememberAfterCommit(Map<String, Link> last, Map<String, Long> lastSequence) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return; // no transaction to wait for: the next append reads its predecessor
        }
        Map<Committed, Link> appended = new HashMap<>();
        last.forEach((aggregate, link) -> appended.put(new Committed(aggregate, lastSequence.get(aggregate)), link));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                committed.putAll(appended);
            }
        });
    }

    private static Link stored(Connection connection, EventSchema schema, String aggregate, long sequence)
            throws SQLException {
        if (sequence == 0) {
            return Link.NONE;
        }
        try (PreparedStatement read = connection.prepareStatement("SELECT " + schema.metaDataColumn()
                + ", campaign_id FROM " + schema.domainEventTable() + " WHERE " + schema.aggregateIdentifierColumn()
                + " = ? AND " + schema.sequenceNumberColumn() + " = ?")) {
            read.setString(1, aggregate);
            read.setLong(2, sequence - 1);
            try (ResultSet row = read.executeQuery()) {
                if (!row.next()) {
                    // nothing to chain to: the check will report the gap rather than the append failing
                    return Link.NONE;
                }
                Object hash = EventHash.parseMetaData(row.getBytes(1)).get(EventHash.METADATA_KEY);
                return new Link(hash == null ? EventHash.GENESIS : hash.toString(),
                        row.getObject(2, UUID.class));
            }
        }
    }

    private static DomainEventMessage<?> asDomainEvent(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domain) {
            return domain;
        }
        // as Axon's own statement stores it: an aggregate of its own, sequence 0, no type
        return new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }
}
