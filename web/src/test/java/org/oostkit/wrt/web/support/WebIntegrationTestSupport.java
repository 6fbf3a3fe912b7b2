package org.oostkit.wrt.web.support;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.oostkit.wrt.testing.EventLog;
import org.oostkit.wrt.testing.Wrt;
import org.oostkit.wrt.web.WrtApplication;
import org.oostkit.wrt.web.retention.RetentionMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
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
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The whole application (web included) on the run's PostgreSQL database, with a clock the tests can move
 * and a retention mail that records what it is asked to send. One context for all web integration tests.
 */
@SpringBootTest(classes = WrtApplication.class, properties = "wrt.base-url=https://wrt.test")
@AutoConfigureMockMvc
@Import(WebIntegrationTestSupport.TestBeans.class)
public abstract class WebIntegrationTestSupport {

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected CommandGateway commandGateway;
    @Autowired
    protected QueryGateway queries;
    @Autowired
    protected EventStorageEngine eventStorageEngine;
    @Autowired
    protected JdbcTemplate jdbc;
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
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        List<StreamingEventProcessor> processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
        while (Instant.now().isBefore(until)) {
            boolean done = processors.stream().allMatch(processor -> {
                Map<Integer, EventTrackerStatus> status = processor.processingStatus();
                int segments = tokens.fetchSegments(processor.getName()).length;
                return segments > 0 && status.size() == segments && status.values().stream()
                        .allMatch(s -> s.getCurrentPosition().orElse(-1) >= head);
            });
            if (done) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the processors did not reach position " + head);
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
                                         Instant erasureAt, URI campaignLink) {
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
        RecordingRetentionMail recordingRetentionMail() {
            return new RecordingRetentionMail();
        }
    }
}
