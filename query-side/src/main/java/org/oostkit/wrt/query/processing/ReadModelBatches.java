package org.oostkit.wrt.query.processing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How the read-model processor's batches run: {@link IsolatedFailures} (optimistic, without savepoints; a
 * failed batch again event by event, the failing event dead-lettered), with the batch's changes written when
 * it commits ({@link BatchTables}) and its transaction committing without waiting for the disk flush
 * ({@code synchronous_commit = off}, that transaction only). That is safe because the rows and the
 * processor's token commit together: should the database crash, the processor handles the last events again.
 * Savepoints cost a subtransaction each; past 64 in one transaction PostgreSQL's snapshots of every
 * concurrent transaction get slower, and a savepoint per statement, measured under the core's write load,
 * tripled the read models' lag.
 */
@Component
public class ReadModelBatches {

    public static final String CAREFUL = "wrt.projection.careful.batches";

    private final IsolatedFailures failures;
    private final Counter careful;

    ReadModelBatches(JdbcTemplate jdbc, BatchTables tables, DeadLetterMetrics metrics,
                     ObjectProvider<MeterRegistry> registry) {
        this.careful = Counter.builder(CAREFUL)
                .description("Read-model batches handled again event by event after a failure")
                .tag("group", ReadModels.GROUP)
                .register(registry.getIfAvailable(SimpleMeterRegistry::new));
        this.failures = new IsolatedFailures(ReadModels.GROUP, jdbc, metrics, false, (batch, eventByEvent, retrying) -> {
            jdbc.execute("SET LOCAL synchronous_commit = off");
            if (!eventByEvent) {
                tables.begin(batch);
            } else if (!retrying) {
                careful.increment();
            }
        });
    }

    /**
     * The interceptor for the read-model processor. Not a bean of its own: Axon's Spring Boot support would
     * add every event handler interceptor bean to every processor, command-side lookups (inside command
     * transactions, whose events must commit synchronously) and the mail policy included.
     */
    MessageHandlerInterceptor<EventMessage<?>> interceptor() {
        MessageHandlerInterceptor<EventMessage<?>> isolated = failures.interceptor();
        return (unitOfWork, chain) -> isolated.handle(unitOfWork, chain);
    }

    EnqueuePolicy<EventMessage<?>> policy() {
        return failures.policy();
    }

    /** How many batches were handled again event by event. */
    public double carefulBatches() {
        return careful.count();
    }

    /** The read models are reset: a replay starts optimistic again (a failure still shows on its first try). */
    public void forgetFailures() {
        failures.forgetFailures();
    }
}
