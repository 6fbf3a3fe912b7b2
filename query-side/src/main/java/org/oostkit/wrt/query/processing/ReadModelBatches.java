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
 * How the read-model processor's batches run: optimistic, without savepoints (which tripled the lag under write
 * load), written at commit, committing without waiting for the flush (rows and token commit together).
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

    /** Not a bean: Spring Boot would add it to every processor, the command side's synchronous ones included. */
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
