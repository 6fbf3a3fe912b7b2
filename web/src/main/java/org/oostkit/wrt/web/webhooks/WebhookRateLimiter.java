package org.oostkit.wrt.web.webhooks;

import org.oostkit.wrt.web.security.ClientBuckets;

import java.time.Duration;
import java.util.Optional;

/**
 * Limits webhook requests that fail authentication, per client IP (a token bucket each).
 * Authenticated provider traffic never reaches it, so a burst of real events is never dropped, and junk
 * sent through a provider's shared IPs (someone else's webhook pointed at us) cannot throttle real events.
 * Buckets are kept for the most recent clients only, so a spray of addresses cannot exhaust memory.
 */
final class WebhookRateLimiter {

    private static final int MAX_CLIENTS = 10_000;

    private final int perMinute;
    private final ClientBuckets clients = new ClientBuckets(MAX_CLIENTS);

    WebhookRateLimiter(int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("wrt.webhooks.rate-limit.unauthenticated-per-minute must be at least 1");
        }
        this.perMinute = perMinute;
    }

    /**
     * Counts one unauthenticated request of the client; answers how long it must wait when it is over its
     * limit, nothing while it may still be told "unauthorized".
     */
    Optional<Duration> unauthenticated(String client) {
        return clients.take(client, perMinute);
    }
}
