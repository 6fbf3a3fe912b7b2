package org.oostkit.wrt.adapters.webhooks;

import org.oostkit.wrt.adapters.queues.QueueWorkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Threads that apply stored webhook records: they work while rows are due and otherwise sleep until a
 * request stores new ones (or a second passes, for rows stored by other nodes and rows waiting to be retried).
 */
@Component
class WebhookInboxWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookInboxWorkers.class);
    private static final int BATCH = 20;
    private static final Duration IDLE = Duration.ofSeconds(1);

    private final WebhookInbox inbox;
    private final int count;
    private QueueWorkers workers;
    private volatile boolean running;

    WebhookInboxWorkers(WebhookInbox inbox, WebhookProperties properties) {
        this.inbox = inbox;
        this.count = Math.max(1, properties.inbox().workers());
    }

    @Override
    public synchronized void start() {
        running = true;
        workers = new QueueWorkers("webhook-inbox-", count, this::work);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (workers != null) {
            workers.interrupt(Duration.ofSeconds(10));
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void work() {
        while (running) {
            try {
                if (inbox.applyDue(BATCH) == 0) {
                    inbox.awaitArrival(IDLE);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                // the database is away: claimed rows come back when their lease ends
                log.warn("webhook inbox worker: {}", e.toString());
                try {
                    Thread.sleep(IDLE.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
