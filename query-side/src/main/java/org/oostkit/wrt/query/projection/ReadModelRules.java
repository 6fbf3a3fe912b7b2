package org.oostkit.wrt.query.projection;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The projection rules, written once for every consumer (live, rebuild, as-of); each can run twice on an event. */
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
        return Stream.concat(a.stream(), b.stream()).collect(Collectors.toUnmodifiableSet());
    }
}
