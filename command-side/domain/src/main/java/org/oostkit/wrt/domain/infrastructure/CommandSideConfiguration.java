package org.oostkit.wrt.domain.infrastructure;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.CommandGatewayFactory;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.oostkit.wrt.api.common.ActingCommandGateway;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.domain.dataprotection.CryptoShreddingSerializer;
import org.oostkit.wrt.domain.dataprotection.DataKeyStore;
import org.oostkit.wrt.domain.dataprotection.PersonalDataCipher;
import org.oostkit.wrt.domain.invitation.VerificationPolicy;
import org.oostkit.wrt.domain.security.KeyedHasher;
import org.oostkit.wrt.domain.security.PersonIdentities;
import org.oostkit.wrt.domain.security.SecretGenerator;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.context.annotation.Primary;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * The command side's Axon wiring. Axon's own Spring Boot auto-configuration supplies the JDBC event
 * storage engine, token store and dead-letter queues on the application's PostgreSQL; the tables are
 * Flyway's ({@code db/migration}). The db-scheduler starter supplies the persistent deadline manager.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:wrt-axon-defaults.properties")
@EnableConfigurationProperties(WrtSecurityProperties.class)
public class CommandSideConfiguration {

    /** Jackson as Axon uses it for every message: ISO instants, tolerant of fields added later. */
    public static ObjectMapper messageObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    @Bean
    @Primary
    Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(messageObjectMapper()).build();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(PersonalDataCipher cipher) {
        return new CryptoShreddingSerializer(
                JacksonSerializer.builder().objectMapper(messageObjectMapper()).build(), cipher);
    }

    @Bean
    DataKeyStore dataKeyStore(JdbcTemplate jdbc, WrtSecurityProperties properties) {
        return new DataKeyStore(jdbc, properties.masterKeyBytes());
    }

    @Bean
    PersonalDataCipher personalDataCipher(DataKeyStore keys) {
        return new PersonalDataCipher(keys);
    }

    @Bean
    KeyedHasher keyedHasher(WrtSecurityProperties properties) {
        return new KeyedHasher(properties.hmacKeyBytes());
    }

    @Bean
    PersonIdentities personIdentities(KeyedHasher hasher) {
        return new PersonIdentities(hasher);
    }

    @Bean
    SecretGenerator secretGenerator() {
        return new SecretGenerator();
    }

    @Bean
    VerificationPolicy verificationPolicy(WrtSecurityProperties properties) {
        WrtSecurityProperties.Verification v = properties.verification();
        VerificationPolicy defaults = VerificationPolicy.DEFAULT;
        Duration validity = v.codeValidity() == null ? defaults.codeValidity() : v.codeValidity();
        if (validity.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalStateException("wrt.security.verification.code-validity may be at most 10 minutes "
                    + "(OWASP ASVS for emailed one-time codes)");
        }
        return new VerificationPolicy(validity,
                v.maxAttempts() > 0 ? v.maxAttempts() : defaults.maxAttempts(),
                v.maxCodesPerHour() > 0 ? v.maxCodesPerHour() : defaults.maxCodesPerHour(),
                v.maxCodes() > 0 ? v.maxCodes() : defaults.maxCodes());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Recently used aggregates (the campaign's roster above all, and the invitations a round start created,
     * which their mails' records use next) stay in memory, up to {@code wrt.aggregate-cache.max-entries}. Each
     * use first compares the entry's last sequence number with the event store's (one index lookup), so an
     * aggregate another instance has changed since is loaded again: safe with several instances and no
     * command routing, with nothing to switch off.
     */
    @Bean
    Cache aggregateCache(@Value("${wrt.aggregate-cache.enabled:true}") boolean enabled,
                         @Value("${wrt.aggregate-cache.max-entries:20000}") long maxEntries, JdbcTemplate jdbc) {
        if (!enabled) {
            return NoCache.INSTANCE;
        }
        return new VersionCheckedCache(new BoundedAggregateCache(maxEntries), aggregate -> jdbc.queryForObject(
                "SELECT max(sequencenumber) FROM domainevententry WHERE aggregateidentifier = ?", Long.class,
                aggregate));
    }

    /** Every command holds its aggregate's lock in the database too (see {@link DatabaseAggregateLocks}). */
    @Bean
    SmartInitializingSingleton databaseAggregateLocks(CommandBus commandBus, JdbcTemplate jdbc) {
        return () -> commandBus.registerHandlerInterceptor(new DatabaseAggregateLocks(jdbc));
    }

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider actorCorrelationDataProvider() {
        return new ActorCorrelationDataProvider();
    }

    /**
     * Axon does not give deadline handlers the correlation data providers: without this, whatever a
     * deadline causes would be recorded with no actor and no tenant.
     */
    @Bean
    SmartInitializingSingleton deadlineCorrelation(DeadlineManager deadlineManager,
                                                   List<CorrelationDataProvider> providers) {
        return () -> {
            deadlineManager.registerHandlerInterceptor(new CorrelationDataInterceptor<>(providers));
            // the deadline acts as itself when it fires; the scheduling admin's address must not wait in
            // the scheduler's table (plaintext, outside crypto-shredding) until then
            deadlineManager.registerDispatchInterceptor(messages -> (index, message) ->
                    message.getMetaData().containsKey(Actor.METADATA_KEY)
                            ? message.withMetaData(message.getMetaData().withoutKeys(Set.of(Actor.METADATA_KEY)))
                            : message);
        };
    }

    /**
     * Commands are stamped with tenant and actor, and retried when they lost a race for an aggregate
     * (another node appended first), for a row lock or in a deadlock between instances; a broken rule is never
     * retried. The aggregates' database lock ({@link DatabaseAggregateLocks}) makes lost races rare; the waits
     * double from 50 ms (8 retries, about 13 s in all) for what is left. Retries run on a small pool, not one
     * thread for all.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus, RetryScheduler commandRetries) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(commandRetries)
                .dispatchInterceptors(new TenantAndActorInterceptor())
                .build();
    }

    /** The gateway the web sends with: same bus, retries and stamping as {@link #commandGateway}, plus the actor. */
    @Bean
    ActingCommandGateway actingCommandGateway(CommandBus commandBus, RetryScheduler commandRetries) {
        return CommandGatewayFactory.builder()
                .commandBus(commandBus)
                .retryScheduler(commandRetries)
                .dispatchInterceptors(new TenantAndActorInterceptor())
                .build()
                .createGateway(ActingCommandGateway.class);
    }

    @Bean
    RetryScheduler commandRetries() {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("command-retry-");
        threads.setDaemon(true);
        return ExponentialBackOffIntervalRetryScheduler.builder()
                .retryExecutor(Executors.newScheduledThreadPool(4, threads))
                .backoffFactor(50)
                .maxRetryCount(8)
                .nonTransientFailurePredicate(failure -> !isRaceLost(failure))
                .build();
    }

    static boolean isRaceLost(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof PessimisticLockingFailureException
                    || t instanceof TransientDataAccessException || t instanceof DeadlockException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The command-side lookups and the roster policy run in the publishing transaction, and a failure
     * there fails the command (the default error handler would only log it).
     */
    @Bean
    ConfigurerModule commandSideProcessors() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(ProcessingGroups.COMMAND_LOOKUPS)
                .registerSubscribingEventProcessor(ProcessingGroups.ROSTER_POLICY)
                .registerListenerInvocationErrorHandler(ProcessingGroups.COMMAND_LOOKUPS,
                        c -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(ProcessingGroups.ROSTER_POLICY,
                        c -> PropagatingErrorHandler.instance());
    }
}
