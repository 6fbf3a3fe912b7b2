package org.oostkit.wrt.domain.infrastructure;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedAggregateCacheTest {

    @Test
    void keepsEntriesStronglyUpToItsBound() {
        BoundedAggregateCache cache = new BoundedAggregateCache(100, Runnable::run);
        List<Object> expired = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add(key);
            }
        });
        for (int i = 0; i < 1_000; i++) {
            cache.put("aggregate-" + i, new Object());
        }
        System.gc();

        assertThat(cache.size()).isEqualTo(100);
        assertThat(expired).hasSize(900);
        // nothing else refers to the values, and they are still there
        long held = IntStream.range(0, 1_000).filter(i -> cache.containsKey("aggregate-" + i)).count();
        assertThat(held).isEqualTo(100);
    }

    @Test
    void putGetRemoveAndListeners() {
        BoundedAggregateCache cache = new BoundedAggregateCache(10);
        List<String> seen = new ArrayList<>();
        Registration registration = cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                seen.add("created " + key);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                seen.add("updated " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                seen.add("removed " + key);
            }

            @Override
            public void onEntryRead(Object key, Object value) {
                seen.add("read " + key);
            }
        });

        assertThat(cache.putIfAbsent("a", 1)).isTrue();
        assertThat(cache.putIfAbsent("a", 2)).isFalse();
        cache.put("a", 3);
        assertThat(cache.<String, Integer>get("a")).isEqualTo(3);
        cache.<Integer>computeIfPresent("a", v -> v + 1);
        assertThat(cache.<String, Integer>get("a")).isEqualTo(4);
        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
        assertThat(cache.containsKey("a")).isFalse();
        assertThat(cache.<String, Integer>get("a")).isNull();
        registration.cancel();
        cache.put("b", 1);

        assertThat(seen).containsExactly("created a", "updated a", "read a", "read a", "removed a");
    }
}
