package org.oostkit.wrt.query.rebuild;

import org.oostkit.wrt.api.common.Rule;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.api.ReplayCommands.FindLatestReplay;
import org.oostkit.wrt.query.api.ReplayCommands.FindReplay;
import org.oostkit.wrt.query.api.ReplayCommands.StartReplay;
import org.oostkit.wrt.query.api.ReplayView.Status;
import org.oostkit.wrt.query.api.ReplayView;
import org.oostkit.wrt.query.tenant.TenantDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/** Runs bulk rebuilds in the background, one at a time per instance, with progress for queries and gauges. */
@Component
class ReplayJobs {

    private static final Logger log = LoggerFactory.getLogger(ReplayJobs.class);
    private static final int KEPT = 20;

    private final ReadModelRebuild rebuild;
    private final TenantDirectory tenants;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "replay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Job> latest = new AtomicReference<>();
    private final Map<UUID, Job> recent = new LinkedHashMap<>(KEPT, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Job> eldest) {
            return size() > KEPT;
        }
    };

    ReplayJobs(ReadModelRebuild rebuild, TenantDirectory tenants, ObjectProvider<MeterRegistry> registry) {
        this.rebuild = rebuild;
        this.tenants = tenants;
        MeterRegistry meters = registry.getIfAvailable(SimpleMeterRegistry::new);
        Gauge.builder("wrt.replay.running", this, jobs -> jobs.latestView(v -> v.finished() ? 0 : 1))
                .description("1 while a read-model replay runs on this instance").register(meters);
        Gauge.builder("wrt.replay.events.processed", this, jobs -> jobs.latestView(v -> v.processed()))
                .description("events read by the running (or last) replay").register(meters);
        Gauge.builder("wrt.replay.events.total", this, jobs -> jobs.latestView(v -> v.total()))
                .description("events in the store when the running (or last) replay started").register(meters);
        Gauge.builder("wrt.replay.events.rate", this, jobs -> jobs.latestView(ReplayView::eventsPerSecond))
                .description("events read per second by the running (or last) replay").baseUnit("events/s")
                .register(meters);
        Gauge.builder("wrt.replay.remaining", this, jobs -> jobs.latestView(v -> v.finished() || v.remaining() == null
                        ? 0 : v.remaining().toMillis() / 1000.0))
                .description("estimated time left to read, running replay").baseUnit("seconds").register(meters);
    }

    @CommandHandler
    ReplayView handle(StartReplay command) {
        OrganisationId organisation = command.organisationId();
        if (organisation != null && tenants.schemaFor(organisation).isEmpty()) {
            throw new org.oostkit.wrt.api.common.NotFound("Organisation");
        }
        Job job = new Job(UUID.randomUUID(), organisation);
        synchronized (recent) {
            Job current = latest.get();
            if (current != null && !current.view().finished()) {
                throw new RuleViolation(Rule.REPLAY_RUNNING, "Replay " + current.id + " is still running; one replay "
                        + "runs at a time.", current.id);
            }
            latest.set(job);
            recent.put(job.id, job);
        }
        runner.submit(() -> run(job));
        return job.view();
    }

    @QueryHandler
    ReplayView handle(FindReplay query) {
        synchronized (recent) {
            Job job = recent.get(query.replayId());
            return job == null ? null : job.view();
        }
    }

    @QueryHandler
    ReplayView handle(FindLatestReplay query) {
        Job job = latest.get();
        return job == null ? null : job.view();
    }

    private void run(Job job) {
        try {
            rebuild.rebuild(job.organisation, job);
            job.finish(Status.COMPLETED, null);
        } catch (RuntimeException | Error e) {
            log.error("Replay {} failed", job.id, e);
            job.finish(Status.FAILED, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private double latestView(java.util.function.ToDoubleFunction<ReplayView> value) {
        Job job = latest.get();
        return job == null ? 0 : value.applyAsDouble(job.view());
    }

    /** One replay's state, written by the replay thread and read by anyone. */
    private static final class Job implements ReadModelRebuild.Listener {

        private final UUID id;
        private final OrganisationId organisation;
        private final Instant startedAt = Instant.now();
        private volatile Status status = Status.READING;
        private volatile long total;
        private volatile long processed;
        private volatile Instant readUntil;
        private volatile Instant finishedAt;
        private volatile String error;
        private volatile Map<String, String> notRebuilt = Map.of();

        Job(UUID id, OrganisationId organisation) {
            this.id = id;
            this.organisation = organisation;
        }

        @Override
        public void started(long totalEvents) {
            total = totalEvents;
        }

        @Override
        public void progressed(long eventsRead) {
            processed = eventsRead;
        }

        @Override
        public void notRebuilt(Map<UUID, String> organisations) {
            Map<String, String> reasons = new java.util.TreeMap<>();
            organisations.forEach((id, why) -> reasons.put(id.toString(), why));
            notRebuilt = Map.copyOf(reasons);
        }

        @Override
        public void writing() {
            readUntil = Instant.now();
            status = Status.WRITING;
        }

        void finish(Status outcome, String why) {
            if (readUntil == null) {
                readUntil = Instant.now();
            }
            error = why;
            finishedAt = Instant.now();
            status = outcome;
        }

        ReplayView view() {
            Status s = status;
            long done = processed;
            Instant end = readUntil != null ? readUntil : Instant.now();
            double seconds = Duration.between(startedAt, end).toNanos() / 1e9;
            double rate = seconds > 0 && done > 0 ? done / seconds : 0;
            Duration remaining = null;
            if (s == Status.READING && rate > 0) {
                remaining = Duration.ofMillis(Math.round(Math.max(0, total - done) / rate * 1000));
            } else if (s != Status.READING) {
                remaining = Duration.ZERO;
            }
            return new ReplayView(id, organisation, s, done, total, rate, remaining, startedAt, finishedAt, error,
                    notRebuilt);
        }
    }
}
