package org.oostkit.wrt.query.api;

import org.oostkit.wrt.api.organisation.OrganisationId;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A replay's progress. {@code total} is the number of events in the store when it started (events stored
 * meanwhile are read too, so {@code processed} can end above it); the rate counts events read per second
 * since the start; {@code remaining} is the estimated time left to read, null until there is a rate.
 *
 * @param organisationId the one organisation rebuilt, or null for all
 * @param error          why it failed (FAILED only)
 * @param notRebuilt     organisations whose read models could not be rebuilt, by id, and why (event id and
 *                       kind of failure); their tables are left as they were, every other one is rebuilt
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
