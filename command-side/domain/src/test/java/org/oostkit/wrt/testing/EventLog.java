package org.oostkit.wrt.testing;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Reads the whole event store (for assertions about what was recorded). */
public class EventLog {

    private final EventStorageEngine engine;

    public EventLog(EventStorageEngine engine) {
        this.engine = engine;
    }

    public List<? extends TrackedEventMessage<?>> all() {
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
            return events.toList();
        }
    }

    public <T> List<T> payloads(Class<T> type) {
        return payloads(type, e -> true);
    }

    public <T> List<T> payloads(Class<T> type, Predicate<T> filter) {
        return all().stream()
                .filter(e -> type.isInstance(e.getPayload()))
                .map(e -> type.cast(e.getPayload()))
                .filter(filter)
                .toList();
    }

    public List<? extends TrackedEventMessage<?>> messages(Class<?> type) {
        return all().stream().filter(e -> type.isInstance(e.getPayload())).toList();
    }
}
