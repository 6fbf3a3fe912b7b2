package org.oostkit.wrt.query.support;

import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.oostkit.wrt.query.processing.ReadModels;

import java.time.Duration;
import java.util.Map;

/** Waits for the read models to catch up with the event store. */
public final class Projections {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TokenStore tokens;

    public Projections(EventProcessingConfiguration processing, EventStore eventStore, TokenStore tokens) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.tokens = tokens;
    }

    public StreamingEventProcessor readModels() {
        return processing.eventProcessor(ReadModels.GROUP, StreamingEventProcessor.class).orElseThrow();
    }

    /** Blocks until every segment of the read models has processed the current head of the store. */
    public void awaitCaughtUp() {
        awaitCaughtUp(readModels());
        awaitCaughtUp(processing.eventProcessor(ReadModels.TENANT_REGISTRY, StreamingEventProcessor.class)
                .orElseThrow());
    }

    public void awaitCaughtUp(StreamingEventProcessor processor) {
        long head = eventStore.createHeadToken().position().orElse(0);
        Awaitility.await("read models at position " + head).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50)).until(() -> {
                    Map<Integer, EventTrackerStatus> status = processor.processingStatus();
                    // every segment must be claimed and at the head: unclaimed segments are not in the status.
                    // (A segment stays flagged "replaying" until an event past its reset position arrives.)
                    int segments = tokens.fetchSegments(processor.getName()).length;
                    return segments > 0 && status.size() == segments && status.values().stream()
                            .allMatch(s -> s.getCurrentPosition().orElse(-1) >= head);
                });
    }
}
