package org.oostkit.wrt.web.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The durable hand-over between a webhook request and the command side. A request is acknowledged once its
 * records are stored here (one insert), so a burst is answered as fast as the database takes inserts and
 * no provider has to retry while commands catch up. Rows are claimed with a lease ({@code FOR UPDATE SKIP
 * LOCKED}, then pushed into the future), so several workers and several nodes share the work, and a worker
 * that dies leaves its rows to be claimed again once the lease runs out. Applying a record twice is
 * harmless: the Invitation drops a provider event it has seen.
 */
@Component
class WebhookInbox {

    private static final Logger log = LoggerFactory.getLogger(WebhookInbox.class);
    private static final TypeReference<List<ProviderReport>> REPORTS = new TypeReference<>() {
    };
    /** How long a claimed row stays with its worker before others may take it. */
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(30);

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final DeliveryReports reports;
    private final MeterRegistry meters;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();

    WebhookInbox(JdbcTemplate jdbc, ObjectMapper json, DeliveryReports reports, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.json = json;
        this.reports = reports;
        this.meters = meters;
        Gauge.builder("wrt.webhooks.inbox.pending", this, WebhookInbox::pendingOrZero)
                .description("Accepted webhook requests whose records are not applied yet")
                .register(meters);
    }

    /** Stores the records of one request; returns once they are durable. */
    void store(String provider, List<ProviderReport> actionable) {
        if (actionable.isEmpty()) {
            return;
        }
        String serialised;
        try {
            serialised = json.writeValueAsString(actionable);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("webhook records cannot be serialised", e);
        }
        jdbc.update("INSERT INTO webhook_inbox (provider, reports) VALUES (?, ?)", provider, serialised);
        lock.lock();
        try {
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until rows may have arrived on this node, or the timeout passes (rows of other nodes, retries). */
    void awaitArrival(Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            arrived.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            lock.unlock();
        }
    }

    /** Claims and applies up to {@code max} due rows; answers how many it claimed. */
    int applyDue(int max) {
        List<Claimed> claimed = jdbc.query("""
                        UPDATE webhook_inbox SET attempts = attempts + 1,
                               next_attempt_at = now() + make_interval(secs => ?)
                        WHERE id IN (SELECT id FROM webhook_inbox WHERE next_attempt_at <= now()
                                     ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)
                        RETURNING id, provider, reports, attempts""",
                (rs, i) -> new Claimed(rs.getLong("id"), rs.getString("provider"), rs.getString("reports"),
                        rs.getInt("attempts")),
                LEASE.toSeconds(), max);
        for (Claimed row : claimed) {
            apply(row);
        }
        return claimed.size();
    }

    long pending() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM webhook_inbox", Long.class);
        return count == null ? 0 : count;
    }

    private void apply(Claimed row) {
        try {
            reports.recordAll(json.readValue(row.reports(), REPORTS));
            jdbc.update("DELETE FROM webhook_inbox WHERE id = ?", row.id());
        } catch (JsonProcessingException e) {
            // written by this class; unreadable only after an incompatible change, which needs a person
            park(row, e, MAX_BACKOFF);
        } catch (RuntimeException e) {
            // database or command side away: try again later, each time a little later
            park(row, e, backoff(row.attempts()));
        }
    }

    private void park(Claimed row, Exception failure, Duration wait) {
        log.warn("{} webhook records (inbox row {}, attempt {}) not applied, next try in {}: {}", row.provider(),
                row.id(), row.attempts(), wait, failure.toString());
        Counter.builder("wrt.webhooks.inbox.failures")
                .description("Attempts to apply stored webhook records that failed and will be retried")
                .tag("provider", row.provider())
                .register(meters)
                .increment();
        try {
            jdbc.update("UPDATE webhook_inbox SET next_attempt_at = now() + make_interval(secs => ?), last_error = ? "
                    + "WHERE id = ?", wait.toSeconds(), String.valueOf(failure.getMessage()), row.id());
        } catch (RuntimeException e) {
            // the lease brings the row back anyway
            log.debug("could not park inbox row {}", row.id(), e);
        }
    }

    static Duration backoff(int attempts) {
        Duration wait = Duration.ofSeconds(5L << Math.min(Math.max(attempts - 1, 0), 10));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    private double pendingOrZero() {
        try {
            return pending();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private record Claimed(long id, String provider, String reports, int attempts) {
    }
}
