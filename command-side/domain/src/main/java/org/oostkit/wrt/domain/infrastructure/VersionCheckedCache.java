package org.oostkit.wrt.domain.infrastructure;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The aggregate cache made safe for several instances on one event store without command routing: before a
 * cached aggregate is used, its last sequence number is compared with the event store's (one lookup on the
 * {@code (aggregate, sequence)} unique index, in the command's transaction). An entry that another instance
 * has moved past is dropped, and the aggregate is loaded from its events, so no decision (a refusal above all,
 * which appends nothing and so never meets the unique constraint) is taken on stale state.
 * <p>
 * Axon's cache entry does not expose its version; it is read from the entry's field, resolved once when this
 * class loads, so an Axon upgrade that renames it fails the start-up rather than the check.
 */
public final class VersionCheckedCache implements Cache {

    private static final VarHandle VERSION = version();

    private final Cache entries;
    private final Function<String, Long> latestSequence;
    private final AtomicLong stale = new AtomicLong();

    /**
     * @param entries        where the aggregates are kept
     * @param latestSequence the event store's highest sequence number of an aggregate (null: no events)
     */
    public VersionCheckedCache(Cache entries, Function<String, Long> latestSequence) {
        this.entries = entries;
        this.latestSequence = latestSequence;
    }

    @Override
    public <K, V> V get(K key) {
        V value = entries.get(key);
        if (value instanceof AggregateCacheEntry<?> entry
                && !Objects.equals(VERSION.get(entry), latestSequence.apply(key.toString()))) {
            entries.remove(key);
            stale.incrementAndGet();
            return null;
        }
        return value;
    }

    /** How many cached aggregates were found stale (moved on by another instance) and dropped. */
    public long staleEntries() {
        return stale.get();
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value);
    }

    @Override
    public boolean remove(Object key) {
        return entries.remove(key);
    }

    @Override
    public void removeAll() {
        entries.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.computeIfPresent(key, update);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        return entries.registerCacheEntryListener(listener);
    }

    private static VarHandle version() {
        try {
            return MethodHandles.privateLookupIn(AggregateCacheEntry.class, MethodHandles.lookup())
                    .findVarHandle(AggregateCacheEntry.class, "version", Long.class);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Axon's AggregateCacheEntry has no version field any more: the aggregate "
                    + "cache cannot check its entries against the event store (set wrt.aggregate-cache.enabled=false)",
                    e);
        }
    }
}
