package org.oostkit.wrt.query.processing;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.organisation.OrganisationEvent;

import java.sql.SQLException;

/** The JDBC dead-letter queues of WRT's processors, and what a dead letter may say about its failure. */
public final class DeadLetterQueues {

    /** Far beyond Axon's 1,024 × 1,024, since an overflow would stop the processor for every tenant. */
    static final int MAX_SEQUENCES = 1_000_000;
    static final int MAX_SEQUENCE_SIZE = 10_000_000;

    private DeadLetterQueues() {
    }

    public static JdbcSequencedDeadLetterQueue<EventMessage<?>> jdbc(String group, ConnectionProvider connections,
                                                                    TransactionManager transactions,
                                                                    Serializer genericSerializer,
                                                                    Serializer eventSerializer) {
        return JdbcSequencedDeadLetterQueue.builder()
                .processingGroup(group)
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(DeadLetterSchema.defaultSchema())
                .genericSerializer(genericSerializer)
                .eventSerializer(eventSerializer)
                .maxSequences(MAX_SEQUENCES)
                .maxSequenceSize(MAX_SEQUENCE_SIZE)
                .build();
    }

    /** The organisation an event belongs to (its payload's, else its metadata's), or "-" when it has none. */
    public static String tenantOf(EventMessage<?> event) {
        if (event.getPayload() instanceof OrganisationEvent e && e.organisationId() != null) {
            return e.organisationId().toString();
        }
        Object tenant = event.getMetaData().get(Actor.TENANT_KEY);
        return tenant == null ? "-" : tenant.toString();
    }

    /** A failure's kind and SQL state, never its message: a database error quotes the failing row. */
    public static String describe(Throwable cause) {
        Throwable root = cause;
        String sqlState = null;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            root = t;
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                sqlState = sql.getSQLState();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return root.getClass().getName() + (sqlState == null ? "" : " (SQL state " + sqlState + ")");
    }

    /** The failure, as the dead letter stores it: {@link #describe described}, without personal data. */
    public static Throwable withoutPersonalData(Throwable cause) {
        return new ParkedFailure(describe(cause));
    }

    /** The stored cause of a dead letter. */
    static final class ParkedFailure extends RuntimeException {
        ParkedFailure(String message) {
            super(message, null, false, false);
        }
    }
}
