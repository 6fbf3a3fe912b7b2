package org.oostkit.wrt.query.processing;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The read side's processors: pooled, batched, sequenced per campaign; a failing event parked, the rest going on. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ReadSideConfiguration {

    @Bean
    ConfigurerModule readSideProcessors(ConnectionProvider connections, TransactionManager transactions,
                                        @Qualifier("eventSerializer") Serializer eventSerializer,
                                        Serializer serializer,
                                        DeadLetterMetrics metrics,
                                        JdbcTemplate jdbc,
                                        ProjectionLag lag,
                                        ReadModelBatches batches,
                                        EventArrivals arrivals,
                                        @Value("${wrt.read-models.batch-size:200}") int batchSize,
                                        @Value("${wrt.read-models.segments:4}") int segments,
                                        @Value("${wrt.read-models.threads:2}") int threads) {
        IsolatedFailures registryFailures = new IsolatedFailures(ReadModels.TENANT_REGISTRY, jdbc, metrics, true);
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(ReadModels.GROUP,
                        config -> arrivals.over(config.eventStore()),
                        (config, builder) -> builder.batchSize(batchSize)
                                .initialSegmentCount(segments)
                                .maxClaimedSegments(segments)
                                .workerExecutor(Executors.newScheduledThreadPool(threads,
                                        daemon("read-models-worker")))
                                .coordinatorExecutor(Executors.newSingleThreadScheduledExecutor(
                                        daemon("read-models-coordinator"))))
                .registerSequencingPolicy(ReadModels.GROUP, config -> new CampaignSequencingPolicy())
                .registerDeadLetterQueue(ReadModels.GROUP, config -> DeadLetterQueues.jdbc(ReadModels.GROUP,
                        connections, transactions, serializer, eventSerializer))
                .registerDeadLetterPolicy(ReadModels.GROUP, config -> batches.policy())
                // remembers which sequences have no dead letters, instead of asking the queue for every event
                .registerDeadLetteringEventHandlerInvokerConfiguration(ReadModels.GROUP,
                        (config, builder) -> builder.enableSequenceIdentifierCache().allowReset(true))
                .registerHandlerInterceptor(ReadModels.GROUP, config -> batches.interceptor())
                .registerHandlerInterceptor(ReadModels.GROUP, config -> lag.interceptor())
                .registerPooledStreamingEventProcessor(ReadModels.TENANT_REGISTRY,
                        config -> arrivals.over(config.eventStore()),
                        (config, builder) -> builder.batchSize(50).initialSegmentCount(1))
                // a tenant whose schema could not be made is parked (its own later events behind it) and
                // retried, while other organisations are registered; few events, so always event by event
                .registerSequencingPolicy(ReadModels.TENANT_REGISTRY, config -> new CampaignSequencingPolicy())
                .registerDeadLetterQueue(ReadModels.TENANT_REGISTRY, config -> DeadLetterQueues.jdbc(
                        ReadModels.TENANT_REGISTRY, connections, transactions, serializer, eventSerializer))
                .registerDeadLetterPolicy(ReadModels.TENANT_REGISTRY, config -> registryFailures.policy())
                .registerDeadLetteringEventHandlerInvokerConfiguration(ReadModels.TENANT_REGISTRY,
                        (config, builder) -> builder.allowReset(true))
                .registerHandlerInterceptor(ReadModels.TENANT_REGISTRY, config -> registryFailures.interceptor());
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
