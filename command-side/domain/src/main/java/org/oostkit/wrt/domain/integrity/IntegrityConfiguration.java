package org.oostkit.wrt.domain.integrity;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * The JDBC event storage engine as Axon's auto-configuration builds it, with WRT's chaining insert. With
 * Axon Server as the event store (where this engine is not used) there is no chain and no integrity check.
 * <p>
 * Gap handling: an index a processor has not seen while later ones are committed is a gap, which it keeps
 * looking for while it is less than {@code wrt.events.max-gap-offset} indices behind and, once there are many
 * gaps, younger than {@code wrt.events.gap-timeout}. Large appends (a round start) never leave such a gap
 * ({@link ChainingAppendEvents}), whatever their size; the window covers the gaps of concurrent small appends
 * and of rolled-back transactions, with a wide margin.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
public class IntegrityConfiguration {

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          ObjectProvider<EventSchema> eventSchema,
                                          @Value("${wrt.events.max-gap-offset:100000}") int maxGapOffset,
                                          @Value("${wrt.events.gap-timeout:PT10M}") Duration gapTimeout,
                                          @Value("${wrt.events.large-append:"
                                                  + ChainingAppendEvents.DEFAULT_LARGE_APPEND + "}") int largeAppend) {
        if (maxGapOffset < 1 || gapTimeout.isNegative() || gapTimeout.isZero() || largeAppend < 1) {
            throw new IllegalStateException("wrt.events.max-gap-offset, wrt.events.gap-timeout and "
                    + "wrt.events.large-append must be positive");
        }
        if (largeAppend >= maxGapOffset) {
            // an append between the two could commit after later events and fall out of the window unseen
            throw new IllegalStateException("wrt.events.large-append (" + largeAppend + ") must be smaller than "
                    + "wrt.events.max-gap-offset (" + maxGapOffset + ")");
        }
        // Axon's auto-configuration backs off its JDBC beans around a user-defined engine: same defaults here
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(new DuplicateKeyResolver())
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema.getIfAvailable(EventSchema::new))
                .appendEvents(new ChainingAppendEvents(largeAppend))
                .maxGapOffset(maxGapOffset)
                .gapTimeout(Math.toIntExact(gapTimeout.toMillis()))
                .build();
    }
}
