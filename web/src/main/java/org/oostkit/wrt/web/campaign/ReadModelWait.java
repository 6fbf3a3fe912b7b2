package org.oostkit.wrt.web.campaign;

import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Reads a read model again until it shows a change, for views no subscription query announces (see
 * {@link AdminPages#caughtUp} for those that are): the page after a POST should show its effect.
 */
public final class ReadModelWait {

    /** How long between two reads. */
    static final Duration POLL = Duration.ofMillis(50);

    private ReadModelWait() {
    }

    /** The first answer of {@code read} (null counts as none) that satisfies {@code done}, or empty after {@code within}. */
    public static <T> Optional<T> until(Supplier<T> read, Predicate<T> done, Duration within) {
        return Mono.fromSupplier(read)
                .filter(done)
                .repeatWhenEmpty(attempts -> attempts.delayElements(POLL))
                .timeout(within, Mono.empty())
                .blockOptional();
    }
}
