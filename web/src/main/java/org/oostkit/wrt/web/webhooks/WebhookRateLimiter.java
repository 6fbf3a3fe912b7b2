package org.oostkit.wrt.web.webhooks;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Limits webhook requests that fail authentication, per client IP (a Resilience4j rate limiter each).
 * Authenticated provider traffic never reaches it, so a burst of real events is never dropped, and junk
 * sent through a provider's shared IPs (someone else's webhook pointed at us) cannot throttle real events.
 * Limiters are kept for the most recent clients only, so a spray of addresses cannot exhaust memory.
 */
final class WebhookRateLimiter {

    private static final int MAX_CLIENTS = 10_000;

    private final RateLimiterConfig config;
    private final Map<String, AtomicRateLimiter> clients = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, AtomicRateLimiter> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    WebhookRateLimiter(int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("wrt.webhooks.rate-limit.unauthenticated-per-minute must be at least 1");
        }
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(perMinute)
                .limitRefreshPeriod(Duration.ofMinutes(1))
                .timeoutDuration(Duration.ZERO)
                .build();
    }

    /**
     * Counts one unauthenticated request of the client; answers how long it must wait when it is over its
     * limit, nothing while it may still be told "unauthorized".
     */
    Optional<Duration> unauthenticated(String client) {
        AtomicRateLimiter limiter = limiterOf(client);
        if (limiter.acquirePermission()) {
            return Optional.empty();
        }
        long nanos = Math.max(limiter.getDetailedMetrics().getNanosToWait(), 1);
        return Optional.of(Duration.ofNanos(nanos));
    }

    private synchronized AtomicRateLimiter limiterOf(String client) {
        return clients.computeIfAbsent(client, ip -> new AtomicRateLimiter("webhook:" + ip, config));
    }
}
