package org.oostkit.wrt.query.api;

import org.oostkit.wrt.api.organisation.OrganisationId;

import java.util.UUID;

/**
 * Rebuilding the read models from the event store (operators only). Start with the command gateway; follow
 * with the query gateway.
 */
public final class ReplayCommands {

    private ReplayCommands() {
    }

    /**
     * Starts rebuilding one organisation's read models (null: all) in the background, answering its
     * {@link ReplayView}; fails with {@code replay-running} while another runs.
     */
    public record StartReplay(OrganisationId organisationId) {
    }

    /** A replay by id; answers a {@link ReplayView}, or null if this instance does not know it. */
    public record FindReplay(UUID replayId) {
    }

    /** The replay running now, or else the last one; answers a {@link ReplayView} or null. */
    public record FindLatestReplay() {
    }
}
