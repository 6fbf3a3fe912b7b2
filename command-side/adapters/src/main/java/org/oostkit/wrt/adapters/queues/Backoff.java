package org.oostkit.wrt.adapters.queues;

import io.github.resilience4j.core.IntervalFunction;

import java.time.Duration;

/** The wait before a row's next attempt: {@code initial}, doubled after each further failure, at most {@code max}. */
public final class Backoff {

    private final IntervalFunction interval;

    public Backoff(Duration initial, Duration max) {
        this.interval = IntervalFunction.ofExponentialBackoff(initial, 2.0, max);
    }

    /** The wait after {@code attempts} failed attempts (counted as one when fewer). */
    public Duration after(int attempts) {
        return Duration.ofMillis(interval.apply(Math.max(attempts, 1)));
    }
}
