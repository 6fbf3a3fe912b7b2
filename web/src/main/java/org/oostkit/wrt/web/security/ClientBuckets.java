package org.oostkit.wrt.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;
import java.util.Optional;

/**
 * Per-client rate limits: a Bucket4j token bucket per key ({@code n} requests a minute, refilled whole each
 * minute), held in a bounded Caffeine cache that forgets keys idle for two minutes, so a flood of addresses
 * cannot grow memory without end (a forgotten client would get a full bucket anyway).
 */
public final class ClientBuckets {

    private static final Duration PERIOD = Duration.ofMinutes(1);

    private final Cache<String, Bucket> buckets;

    public ClientBuckets(long maxClients) {
        this.buckets = Caffeine.newBuilder().maximumSize(maxClients).expireAfterAccess(PERIOD.multipliedBy(2))
                .build();
    }

    /**
     * Takes one request of {@code key} from its bucket of {@code perMinute}; empty while the client may go
     * on, otherwise how long until it may (at least a nanosecond).
     */
    public Optional<Duration> take(String key, int perMinute) {
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillIntervally(perMinute, PERIOD).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty()
                : Optional.of(Duration.ofNanos(Math.max(probe.getNanosToWaitForRefill(), 1)));
    }
}
