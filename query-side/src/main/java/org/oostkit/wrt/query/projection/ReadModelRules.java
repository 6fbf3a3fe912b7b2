package org.oostkit.wrt.query.projection;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * The projection rules of the tenant read models, written once: the live processor, the bulk rebuild and the
 * as-of views all apply events through here, each onto its own {@link ReadTables}. Every rule can run again
 * on the same event without changing the result.
 */
public final class ReadModelRules {

    /** The events that change a campaign's summary or roster (its live view is pushed after them). */
    public static final Set<Class<?>> CAMPAIGN_EVENTS = union(CampaignRules.EVENTS, RosterRules.EVENTS);

    /** Every event type the read models handle; the others pass them by. */
    public static final Set<Class<?>> EVENTS = union(CAMPAIGN_EVENTS, RoundRules.EVENTS);

    private ReadModelRules() {
    }

    /** Applies one event of the tenant the tables belong to; returns whether any read model handles it. */
    public static boolean apply(Object event, Instant at, ReadTables tables) {
        return CampaignRules.apply(event, at, tables) || RosterRules.apply(event, at, tables)
                || RoundRules.apply(event, at, tables);
    }

    private static Set<Class<?>> union(Set<Class<?>> a, Set<Class<?>> b) {
        Set<Class<?>> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
