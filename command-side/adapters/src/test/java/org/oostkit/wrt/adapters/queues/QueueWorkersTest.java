package org.oostkit.wrt.adapters.queues;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DisplayName("Queue workers")
class QueueWorkersTest {

    @Test
    @DisplayName("run the loop once per thread, on named daemon threads")
    void oneLoopPerNamedDaemonThread() throws InterruptedException {
        Set<String> names = ConcurrentHashMap.newKeySet();
        AtomicInteger daemons = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        QueueWorkers workers = new QueueWorkers("test-queue-", 3, () -> {
            names.add(Thread.currentThread().getName());
            if (Thread.currentThread().isDaemon()) {
                daemons.incrementAndGet();
            }
            waitFor(release);
        });

        await().atMost(Duration.ofSeconds(5)).until(() -> names.size() == 3);
        assertThat(names).allMatch(name -> name.startsWith("test-queue-"));
        assertThat(daemons).hasValue(3);
        release.countDown();
        workers.finish(Duration.ofSeconds(5));
    }

    @Test
    @DisplayName("finish waits for the loops, then interrupts those still running; interrupt does so at once")
    void finishWaitsThenInterrupts() {
        AtomicInteger interrupted = new AtomicInteger();
        CountDownLatch never = new CountDownLatch(1);
        Runnable blocked = () -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
            }
        };

        new QueueWorkers("finishing-", 2, blocked).finish(Duration.ofMillis(50));
        await().atMost(Duration.ofSeconds(5)).untilAtomic(interrupted, org.hamcrest.Matchers.equalTo(2));

        new QueueWorkers("interrupted-", 2, blocked).interrupt(Duration.ofSeconds(5));
        assertThat(interrupted).hasValue(4);
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
