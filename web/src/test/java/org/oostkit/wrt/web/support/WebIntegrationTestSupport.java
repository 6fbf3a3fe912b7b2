package org.oostkit.wrt.web.support;

import org.awaitility.Awaitility;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.organisation.OrganisationCommands.RegisterOrganisation;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.testing.EventLog;
import org.oostkit.wrt.testing.Wrt;
import org.oostkit.wrt.web.WrtApplication;
import org.oostkit.wrt.adapters.jobs.RetentionMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The whole application (web included) on the run's PostgreSQL database, driven through MockMvc: one shared
 * context for every web integration test extending this (keep the annotations identical). Mail the web layer
 * sends on request and retention warnings are recorded; the clock can be moved; the operator API has a key;
 * rate limits are off (they have tests of their own). Sessions stay in the servlet container here: these tests
 * hand MockMvc a {@code MockHttpSession} and look into it, which Spring Session's filter would bypass (the
 * sessions in PostgreSQL have tests of their own on a real server: SessionRestartIntegrationTest).
 */
// every full application on the shared test database runs its own mail, webhook and Axon processors: close it
// after its class, so that no two of them compete for the same outbox, tokens or deadlines
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(classes = WrtApplication.class, properties = {
        "wrt.operator.api-key=" + WebIntegrationTestSupport.OPERATOR_KEY,
        "wrt.rate-limits.enabled=false",
        "wrt.base-url=https://wrt.test",
        "spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.session.SessionAutoConfiguration"})
@AutoConfigureMockMvc
@AutoConfigureObservability
@Import({RecordingMail.class, ProbeRoutes.class, WebIntegrationTestSupport.TestBeans.class})
public abstract class WebIntegrationTestSupport {

    public static final String OPERATOR_KEY = "test-operator-key-0123456789";

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected CommandGateway commands;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected RecordingMail.Recorder mail;

    /** A slug nobody else in this run uses. */
    protected static String uniqueSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registers an organisation and waits until the read side knows it. */
    protected OrganisationId register(String slug, List<String> admins, List<String> auditors) {
        OrganisationId id = OrganisationId.random();
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                new RegisterOrganisation(id, slug, "Organisation " + slug, admins, auditors))
                .andMetaData(Actor.OPERATOR.asMetaData()));
        awaitRegistry("SELECT count(*) FROM tenant WHERE slug = ?", slug);
        return id;
    }

    protected void awaitRegistry(String countQuery, Object... args) {
        Awaitility.await("read side caught up: " + countQuery).atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.queryForObject(countQuery, Integer.class, args), count -> count != null && count > 0);
    }



    @Autowired
    protected CommandGateway commandGateway;
    @Autowired
    protected QueryGateway queries;
    @Autowired
    protected EventStorageEngine eventStorageEngine;
    @Autowired
    protected MovableClock clock;
    @Autowired
    protected RecordingRetentionMail retentionMail;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore eventStore;
    @Autowired
    TokenStore tokens;

    @AfterEach
    void resetClockAndMail() {
        clock.reset();
        retentionMail.sent.clear();
    }

    protected Wrt wrt() {
        return new Wrt(commandGateway);
    }

    protected EventLog events() {
        return new EventLog(eventStorageEngine);
    }

    /** Blocks until every streaming processor has handled the current head of the event store. */
    protected void awaitProjections() {
        long head = eventStore.createHeadToken().position().orElse(0);
        List<StreamingEventProcessor> processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
        Awaitility.await("the processors reach position " + head).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> processors.stream().allMatch(processor -> {
                    Map<Integer, EventTrackerStatus> status = processor.processingStatus();
                    int segments = tokens.fetchSegments(processor.getName()).length;
                    return segments > 0 && status.size() == segments && status.values().stream()
                            .allMatch(s -> s.getCurrentPosition().orElse(-1) >= head);
                }));
    }

    /** A mail sent by the retention job. */
    public record RetentionWarningMail(String email, String organisationName, String campaignName, Instant erasureAt,
                                       URI campaignLink) {
    }

    /** Records the retention warnings instead of mailing them (the mail module's implementation is elsewhere). */
    public static class RecordingRetentionMail implements RetentionMail {

        public final List<RetentionWarningMail> sent = new CopyOnWriteArrayList<>();

        @Override
        public void sendRetentionWarning(String email, String organisationName, String campaignName,
                                         Instant erasureAt, java.time.ZoneId zone, URI campaignLink) {
            sent.add(new RetentionWarningMail(email, organisationName, campaignName, erasureAt, campaignLink));
        }
    }

    /** The system clock, moved forward by the tests as they need. */
    public static class MovableClock extends Clock {

        private volatile Duration offset = Duration.ZERO;

        public void moveTo(Instant instant) {
            offset = Duration.between(Instant.now(), instant);
        }

        public void reset() {
            offset = Duration.ZERO;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestBeans {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }

        @Bean
        @Primary
        RecordingRetentionMail recordingRetentionMail() {
            return new RecordingRetentionMail();
        }
    }
}
