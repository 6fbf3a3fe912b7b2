package org.oostkit.wrt.adapters.queues;

import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import java.time.Duration;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** A queue's worker threads: named daemon threads from Spring's executor, each running the queue's loop. */
public final class QueueWorkers {

    private final ThreadPoolExecutor threads;

    /** Starts {@code count} threads named {@code prefix} and a number, each running {@code loop}. */
    public QueueWorkers(String prefix, int count, Runnable loop) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix(prefix);
        executor.setDaemon(true);
        executor.setCorePoolSize(count);
        executor.setMaxPoolSize(count);
        executor.initialize();
        this.threads = executor.getThreadPoolExecutor();
        for (int i = 0; i < count; i++) {
            threads.execute(loop);
        }
    }

    /** Lets the loops end by themselves within {@code grace}, then interrupts those still running. */
    public void finish(Duration grace) {
        threads.shutdown();
        try {
            if (!threads.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Interrupts the loops and waits up to {@code grace} for them to end. */
    public void interrupt(Duration grace) {
        threads.shutdownNow();
        try {
            threads.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
