package org.oostkit.wrt.web.campaign;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ReadModelWaitTest {

    @Test
    @DisplayName("reads again until the answer shows the change, skipping nulls")
    void readsUntilDone() {
        AtomicInteger reads = new AtomicInteger();
        var seen = ReadModelWait.until(() -> {
            int n = reads.incrementAndGet();
            return n == 1 ? null : n;
        }, n -> n >= 4, Duration.ofSeconds(5));
        assertThat(seen).contains(4);
        assertThat(reads).hasValue(4);
    }

    @Test
    @DisplayName("gives up empty-handed after the wait")
    void givesUp() {
        long started = System.nanoTime();
        var seen = ReadModelWait.until(() -> "old", "new"::equals, Duration.ofMillis(300));
        assertThat(seen).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
}
