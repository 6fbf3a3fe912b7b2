package org.oostkit.wrt.query.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Counts read-model events that failed and went to the dead-letter queue ({@value #NAME}). */
@Component
public class DeadLetterMetrics {

    public static final String NAME = "wrt.projection.dead.letters";

    private final Counter counter;

    DeadLetterMetrics(ObjectProvider<MeterRegistry> registry) {
        this.counter = Counter.builder(NAME)
                .description("Read-model events that failed and were dead-lettered")
                .tag("group", ReadModels.GROUP)
                .register(registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    void deadLettered() {
        counter.increment();
    }

    public double count() {
        return counter.count();
    }
}
