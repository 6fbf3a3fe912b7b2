package org.oostkit.wrt.query.processing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Counts events that failed and went to a dead-letter queue ({@value #NAME}), tagged with their processor. */
@Component
public class DeadLetterMetrics {

    public static final String NAME = "wrt.projection.dead.letters";

    private final MeterRegistry registry;

    DeadLetterMetrics(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry.getIfAvailable(SimpleMeterRegistry::new);
        counter(ReadModels.GROUP); // shown at zero before the first failure
    }

    /** One event of this processing group was dead-lettered. */
    public void deadLettered(String group) {
        counter(group).increment();
    }

    /** How many events of this processing group were dead-lettered. */
    public double count(String group) {
        return counter(group).count();
    }

    private Counter counter(String group) {
        return Counter.builder(NAME)
                .description("Events that failed and were dead-lettered")
                .tag("group", group)
                .register(registry);
    }
}
