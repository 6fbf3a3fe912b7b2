package org.oostkit.wrt.adapters.mail;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.serialization.Serializer;
import org.oostkit.wrt.api.common.Secrets;
import org.oostkit.wrt.query.processing.DeadLetterMetrics;
import org.oostkit.wrt.query.processing.DeadLetterQueues;
import org.oostkit.wrt.query.processing.EventArrivals;
import org.oostkit.wrt.query.processing.IsolatedFailures;
import org.oostkit.wrt.query.time.EffectiveZones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;

/** Wiring of mail out: transport (SMTP or the dev mailbox), templates, the mail policy's processor, the sender. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

    @Bean
    MailTransport mailTransport(MailProperties properties) {
        if (properties.smtpConfigured()) {
            log.info("Mail goes out through SMTP at {}:{} (provider headers: {})", properties.smtp().host(),
                    properties.smtp().port(), properties.provider());
            return new SmtpTransport(properties);
        }
        log.warn("No SMTP_HOST set: mails are kept in the dev mailbox at /dev/mail, nothing leaves this machine");
        return new DevMailbox();
    }

    @Bean
    MailTemplates mailTemplates(MailProperties properties) {
        return new MailTemplates();
    }

    @Bean
    MailComposer mailComposer(MailTemplates templates, MailProperties properties, EffectiveZones zones,
                              @Value("${wrt.base-url}") String baseUrl) {
        return new MailComposer(templates, new ProviderHeaders(properties.provider()), baseUrl, zones.defaultZone());
    }

    @Bean
    RequestMail outgoingMail(MailComposer composer, MailTransport transport, JdbcTemplate jdbc, Clock clock,
                             MailLogos logos) {
        return new RequestMail(composer, transport, jdbc, clock, logos);
    }

    @Bean
    OutboxSender outboxSender(MailOutbox outbox, MailComposer composer, MailTransport transport, Secrets secrets,
                              CommandGateway commands, MailProperties properties, MeterRegistry meters,
                              MailLogos logos) {
        return new OutboxSender(outbox, composer, transport, secrets, commands, properties.sender(), meters, logos);
    }

    /** The mail policy's own processor, with a dead-letter queue so that a failing event stops nobody else's mail. */
    @Bean
    ConfigurerModule mailPolicyProcessor(@Value("${wrt.mail.policy.batch-size:200}") int batchSize,
                                         EventArrivals arrivals, ConnectionProvider connections,
                                         TransactionManager transactions,
                                         @Qualifier("eventSerializer") Serializer eventSerializer,
                                         Serializer serializer, JdbcTemplate jdbc, DeadLetterMetrics metrics) {
        IsolatedFailures failures = new IsolatedFailures(MailPolicy.GROUP, jdbc, metrics, false);
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(MailPolicy.GROUP,
                        config -> arrivals.over(config.eventStore()),
                        (config, builder) -> builder.batchSize(batchSize)
                                .initialSegmentCount(1)
                                .workerExecutor(Executors.newScheduledThreadPool(1, daemons("mail-policy-worker-")))
                                .coordinatorExecutor(Executors.newSingleThreadScheduledExecutor(
                                        daemons("mail-policy-coordinator-"))))
                .registerSequencingPolicy(MailPolicy.GROUP, config -> new MailSequencingPolicy())
                .registerDeadLetterQueue(MailPolicy.GROUP, config -> DeadLetterQueues.jdbc(MailPolicy.GROUP,
                        connections, transactions, serializer, eventSerializer))
                .registerDeadLetterPolicy(MailPolicy.GROUP, config -> failures.policy())
                // remembers which sequences have no dead letters, instead of asking the queue for every event
                .registerDeadLetteringEventHandlerInvokerConfiguration(MailPolicy.GROUP,
                        (config, builder) -> builder.enableSequenceIdentifierCache())
                .registerHandlerInterceptor(MailPolicy.GROUP, config -> failures.interceptor());
    }

    /** Cluster-safe cleanup (db-scheduler runs a recurring task on one instance at a time). */
    @Bean
    RecurringTask<Void> mailCleanupTask(MailCleanup cleanup,
                                        @Value("${wrt.mail.cleanup-interval:PT10M}") Duration interval) {
        return Tasks.recurring("wrt-mail-cleanup", FixedDelay.of(interval))
                .execute((instance, context) -> cleanup.run());
    }

    /** Threads that never keep the JVM alive, named {@code prefix} and a number. */
    static CustomizableThreadFactory daemons(String prefix) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix);
        threads.setDaemon(true);
        return threads;
    }
}
