package org.oostkit.wrt.query;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.organisation.OrganisationRegistered;
import org.oostkit.wrt.query.processing.EventArrivals;
import org.oostkit.wrt.query.support.ReadSideTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Processors' streams call back when events arrive, so a caught-up processor need not poll for them. */
class EventArrivalsIntegrationTest extends ReadSideTestSupport {

    @Autowired
    EventArrivals arrivals;

    @Test
    @DisplayName("an open stream is called back once new events are stored, and no more after it is closed")
    void callsBackOnNewEvents() throws Exception {
        StreamableMessageSource<TrackedEventMessage<?>> source = arrivals.over(eventStore);
        CountDownLatch arrived = new CountDownLatch(1);
        AtomicInteger closedCalls = new AtomicInteger();
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createHeadToken());
             BlockingStream<TrackedEventMessage<?>> closed = source.openStream(source.createHeadToken())) {
            assertThat(stream.setOnAvailableCallback(arrived::countDown)).isTrue();
            assertThat(closed.setOnAvailableCallback(closedCalls::incrementAndGet)).isTrue();
            closed.close();

            wrt().organisation("admin@arrivals.test");

            assertThat(arrived.await(10, TimeUnit.SECONDS)).as("called back").isTrue();
            // the stream itself reads the new events as before
            assertThat(stream.hasNextAvailable(10, TimeUnit.SECONDS)).isTrue();
            boolean registered = false;
            while (stream.hasNextAvailable()) {
                registered |= stream.nextAvailable().getPayload() instanceof OrganisationRegistered;
            }
            assertThat(registered).isTrue();
        }
        assertThat(closedCalls).hasValue(0);
    }

    @Test
    @DisplayName("without new events an open stream is still called back now and then, so a missed wake-up only delays")
    void callsBackEveryNowAndThen() throws Exception {
        StreamableMessageSource<TrackedEventMessage<?>> source = arrivals.over(eventStore);
        CountDownLatch calls = new CountDownLatch(3);
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createHeadToken())) {
            assertThat(stream.setOnAvailableCallback(calls::countDown)).isTrue();
            assertThat(calls.await(10, TimeUnit.SECONDS)).as("called back three times").isTrue();
        }
    }
}
