package org.oostkit.wrt.adapters.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.oostkit.wrt.adapters.queues.Backoff;
import org.oostkit.wrt.query.processing.DeadLetterQueues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The durable hand-over between a webhook request and the command side, so that a provider is answered
 * once its records are stored and leased rows are applied by workers on any node.
 */
@Component
public class WebhookInbox {

    private static final Logger log = LoggerFactory.getLogger(WebhookInbox.class);
    private static final TypeReference<List<ProviderReport>> REPORTS = new TypeReference<>() {
    };
    /** How long a claimed row stays with its worker before others may take it. */
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(30);
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(5), MAX_BACKOFF);

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final DeliveryReports reports;
    private final MeterRegistry meters;
    private final int maxAttempts;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();

    WebhookInbox(JdbcTemplate jdbc, ObjectMapper json, DeliveryReports reports, MeterRegistry meters,
                 WebhookProperties properties) {
        this.maxAttempts = Math.max(1, properties.inbox().maxAttempts());
        this.jdbc = jdbc;
        this.json = json;
        this.reports = reports;
        this.meters = meters;
        Gauge.builder("wrt.webhooks.inbox.pending", this, WebhookInbox::pendingOrZero)
                .description("Accepted webhook requests whose records are not applied yet")
                .register(meters);
        Gauge.builder("wrt.webhooks.inbox.parked", this, WebhookInbox::parkedOrNaN)
                .description("Webhook inbox rows parked after failing too often, waiting for an operator")
                .register(meters);
    }

    /** Stores the records of one request; returns once they are durable. */
    public void store(String provider, List<ProviderReport> actionable) {
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
                                       AND parked_at IS NULL
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
        Long count = jdbc.queryForObject("SELECT count(*) FROM webhook_inbox WHERE parked_at IS NULL", Long.class);
        return count == null ? 0 : count;
    }

    public long parked() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM webhook_inbox WHERE parked_at IS NOT NULL",
                Long.class);
        return count == null ? 0 : count;
    }

    /** A parked row, as operators see it: ids and counts, no addresses (the inbox has none). */
    public record Parked(long id, String provider, int records, int attempts, Instant receivedAt, Instant parkedAt,
                  String lastError, List<String> organisations) {
    }

    public List<Parked> listParked(int limit) {
        return jdbc.query("""
                SELECT id, provider, reports, attempts, received_at, parked_at, last_error FROM webhook_inbox
                WHERE parked_at IS NOT NULL ORDER BY parked_at, id LIMIT ?""", (rs, i) -> {
            List<ProviderReport> records = readOrEmpty(rs.getString("reports"));
            return new Parked(rs.getLong("id"), rs.getString("provider"), records.size(), rs.getInt("attempts"),
                    rs.getTimestamp("received_at").toInstant(), rs.getTimestamp("parked_at").toInstant(),
                    rs.getString("last_error"),
                    records.stream().map(ProviderReport::tenant).filter(java.util.Objects::nonNull).distinct().toList());
        }, limit);
    }

    /** Puts a parked row back in line, with a fresh count of attempts; false when there is no such parked row. */
    public boolean retryParked(long id) {
        boolean found = jdbc.update("UPDATE webhook_inbox SET parked_at = NULL, attempts = 0, next_attempt_at = now() "
                + "WHERE id = ? AND parked_at IS NOT NULL", id) == 1;
        if (found) {
            log.info("Operator put parked webhook inbox row {} back in line", id);
            wake();
        }
        return found;
    }

    /** Removes a parked row for good; false when there is no such parked row. */
    public boolean evictParked(long id) {
        boolean found = jdbc.update("DELETE FROM webhook_inbox WHERE id = ? AND parked_at IS NOT NULL", id) == 1;
        if (found) {
            log.warn("Operator evicted parked webhook inbox row {}: its records will not be applied", id);
        }
        return found;
    }

    private void wake() {
        lock.lock();
        try {
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void apply(Claimed row) {
        List<ProviderReport> all;
        try {
            all = json.readValue(row.reports(), REPORTS);
        } catch (JsonProcessingException e) {
            // written by this class; unreadable only after an incompatible change, which needs a person
            park(row, List.of(), e, null);
            return;
        }
        List<ProviderReport> failed = new ArrayList<>();
        RuntimeException failure = null;
        for (ProviderReport report : all) {
            try {
                reports.record(report);
            } catch (RuntimeException e) {
                failed.add(report);
                failure = e;
            }
        }
        if (failure == null) {
            jdbc.update("DELETE FROM webhook_inbox WHERE id = ?", row.id());
            return;
        }
        // database or command side away, or one record refused: the others are done, the failing ones wait,
        // each time a little longer, and are parked after the last attempt
        park(row, failed, failure, failed.size() < all.size() ? failed : null);
    }

    private List<ProviderReport> readOrEmpty(String reports) {
        try {
            return json.readValue(reports, REPORTS);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    /**
     * Another try later, or parked for good after the last attempt (at once for a row that cannot be read).
     * {@code remaining}, when not null, replaces the row's records: those that failed.
     */
    private void park(Claimed row, List<ProviderReport> failed, Exception failure, List<ProviderReport> remaining) {
        boolean parkNow = failure instanceof JsonProcessingException || row.attempts() >= maxAttempts;
        Duration wait = backoff(row.attempts());
        String described = DeadLetterQueues.describe(failure);
        if (parkNow) {
            log.error("{} webhook records (inbox row {}, organisations {}, invitations {}) parked after {} attempt(s): {}",
                    row.provider(), row.id(), failed.stream().map(ProviderReport::tenant).distinct().toList(),
                    failed.stream().map(ProviderReport::invitation).distinct().toList(), row.attempts(), described);
            Counter.builder("wrt.webhooks.inbox.parkings")
                    .description("Webhook inbox rows parked after failing too often")
                    .tag("provider", row.provider())
                    .register(meters)
                    .increment();
        } else {
            log.warn("{} webhook records (inbox row {}, attempt {} of {}) not applied, next try in {}: {}",
                    row.provider(), row.id(), row.attempts(), maxAttempts, wait, described);
        }
        Counter.builder("wrt.webhooks.inbox.failures")
                .description("Attempts to apply stored webhook records that failed and will be retried")
                .tag("provider", row.provider())
                .register(meters)
                .increment();
        try {
            if (remaining != null) {
                jdbc.update("UPDATE webhook_inbox SET reports = ? WHERE id = ?", json.writeValueAsString(remaining),
                        row.id());
            }
            jdbc.update("UPDATE webhook_inbox SET next_attempt_at = now() + make_interval(secs => ?), last_error = ?, "
                    + "parked_at = CASE WHEN ? THEN now() END WHERE id = ?", wait.toSeconds(), described, parkNow,
                    row.id());
        } catch (JsonProcessingException e) {
            log.debug("could not rewrite inbox row {}", row.id(), e);
        } catch (RuntimeException e) {
            // the lease brings the row back anyway
            log.debug("could not park inbox row {}", row.id(), e);
        }
    }

    /** 5 s after the first failure, doubled after each further one, at most {@link #MAX_BACKOFF}. */
    static Duration backoff(int attempts) {
        return BACKOFF.after(attempts);
    }

    private double parkedOrNaN() {
        try {
            return parked();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
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
