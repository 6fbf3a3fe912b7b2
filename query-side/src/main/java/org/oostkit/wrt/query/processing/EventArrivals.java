package org.oostkit.wrt.query.processing;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Wakes pooled streaming processors as soon as events are stored: their 500-ms poll was most of the lag. */
@Component
public class EventArrivals implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventArrivals.class);

    private static final long AGAIN_MILLIS = 100;
    private static final long EVERY_MILLIS = 500;

    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "event-arrivals-timer");
        thread.setDaemon(true);
        return thread;
    });
    private StreamableMessageSource<TrackedEventMessage<?>> watched;
    private Thread watcher;
    private boolean ticking;
    private volatile TrackingToken seen;
    private volatile boolean closed;

    /** The source as processors should read it: same events, plus a call back when new ones arrive. */
    public synchronized StreamableMessageSource<TrackedEventMessage<?>> over(
            StreamableMessageSource<TrackedEventMessage<?>> source) {
        if (watched != null && watched != source) {
            throw new IllegalStateException("one event source is watched per application");
        }
        watched = source;
        return new NotifyingSource(source);
    }

    private synchronized void ensureWatching() {
        if (closed) {
            return;
        }
        if (watcher == null || !watcher.isAlive()) {
            watcher = new Thread(this::watch, "event-arrivals");
            watcher.setDaemon(true);
            watcher.start();
        }
        if (!ticking) {
            ticking = true;
            timer.scheduleWithFixedDelay(this::wakeAll, EVERY_MILLIS, EVERY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void watch() {
        while (!closed) {
            TrackingToken from = seen;
            try (BlockingStream<TrackedEventMessage<?>> stream =
                         watched.openStream(from != null ? from : watched.createHeadToken())) {
                while (!closed) {
                    seen = stream.nextAvailable().trackingToken();
                    while (stream.hasNextAvailable()) {
                        seen = stream.nextAvailable().trackingToken();
                    }
                    wakeAll();
                    timer.schedule(this::wakeAll, AGAIN_MILLIS, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.interrupted(); // not ours to stop unless closed: the loop says
            } catch (Throwable e) {
                if (closed) {
                    return;
                }
                log.warn("Watching for new events failed ({}); processors are woken every {} ms meanwhile",
                        e.toString(), EVERY_MILLIS);
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    // closed, or not ours to stop: the loop says
                }
            }
        }
    }

    private void wakeAll() {
        callbacks.forEach(EventArrivals::run);
    }

    private static void run(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            log.warn("A processor's wake-up failed: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        Thread running;
        synchronized (this) {
            closed = true;
            running = watcher;
        }
        if (running != null) {
            running.interrupt();
        }
        timer.shutdownNow();
    }

    private final class NotifyingSource implements StreamableMessageSource<TrackedEventMessage<?>> {

        private final StreamableMessageSource<TrackedEventMessage<?>> delegate;

        private NotifyingSource(StreamableMessageSource<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
            return new NotifyingStream(delegate.openStream(trackingToken));
        }

        @Override
        public TrackingToken createTailToken() {
            return delegate.createTailToken();
        }

        @Override
        public TrackingToken createHeadToken() {
            return delegate.createHeadToken();
        }

        @Override
        public TrackingToken createTokenAt(Instant dateTime) {
            return delegate.createTokenAt(dateTime);
        }

        @Override
        public TrackingToken createTokenSince(Duration duration) {
            return delegate.createTokenSince(duration);
        }
    }

    private final class NotifyingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable callback;
        private volatile boolean streamClosed;

        private NotifyingStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable() {
            return delegate.hasNextAvailable();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            if (closed) {
                return false; // shutting down: the processor polls on its own
            }
            Runnable previous = this.callback;
            if (previous != null) {
                callbacks.remove(previous);
            }
            // a call already under way when this stream closes must not wake whoever opened it
            Runnable guarded = () -> {
                if (!streamClosed) {
                    callback.run();
                }
            };
            this.callback = guarded;
            callbacks.add(guarded);
            ensureWatching();
            return true;
        }

        @Override
        public void close() {
            streamClosed = true;
            Runnable registered = callback;
            if (registered != null) {
                callbacks.remove(registered);
            }
            delegate.close();
        }
    }
}
