package org.oostkit.wrt.query.api;

import org.oostkit.wrt.api.organisation.OrganisationId;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A replay's progress: {@code total} counts the store at the start, so {@code processed} can end above it;
 * {@code organisationId} is null for all; {@code notRebuilt} the organisations left as they were, and why.
 */
public record ReplayView(UUID id,
                         OrganisationId organisationId,
                         Status status,
                         long processed,
                         long total,
                         double eventsPerSecond,
                         Duration remaining,
                         Instant startedAt,
                         Instant finishedAt,
                         String error,
                         java.util.Map<String, String> notRebuilt) {

    public enum Status {
        /** Reading the event store into memory. */
        READING,
        /** Replacing the tables (one transaction). */
        WRITING,
        COMPLETED,
        FAILED
    }

    public boolean finished() {
        return status == Status.COMPLETED || status == Status.FAILED;
    }

    /** Share of the events read, 0 to 100 (100 once finished successfully). */
    public int percent() {
        if (status == Status.COMPLETED) {
            return 100;
        }
        if (total <= 0) {
            return 0;
        }
        return (int) Math.min(100, processed * 100 / total);
    }
}
