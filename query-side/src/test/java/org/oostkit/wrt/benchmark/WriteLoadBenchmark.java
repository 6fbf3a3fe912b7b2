package org.oostkit.wrt.benchmark;

import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignCommands.AddSeedPeople;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.SeedRow;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.invitation.InvitationCommands.RequestVerificationCode;
import org.oostkit.wrt.api.invitation.InvitationCommands.VerifyCode;
import org.oostkit.wrt.api.invitation.IssuedCode;
import org.oostkit.wrt.api.nomination.NominationCommands.SubmitNominations;
import org.oostkit.wrt.api.nomination.NomineeInput;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.query.processing.ProjectionLag;
import org.oostkit.wrt.query.support.ReadSideTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The core's write load: nominators answering concurrently through the real command path (code request,
 * verification, submission with nominees joining the roster in the same transaction), with the read models
 * following live. Run with {@code -Pbenchmark}; figures go to {@code query-side/target/benchmarks/write-load.md}.
 */
@Tag("benchmark")
class WriteLoadBenchmark extends ReadSideTestSupport {

    private static final int NOMINATORS = 1_500;
    private static final int THREADS = 8;

    @Autowired
    ProjectionLag lag;

    @Test
    void concurrentNominators() throws Exception {
        BenchmarkReport report = new BenchmarkReport("write-load");
        Actor admin = Actor.admin("bench@write.test");
        OrganisationId org = wrt().organisation("bench@write.test");
        CampaignId campaign = wrt().campaign(org, admin);
        List<SeedRow> seeds = new ArrayList<>();
        for (int i = 0; i < NOMINATORS; i++) {
            seeds.add(new SeedRow(i + 1, "Seed " + i, "seed" + i + "@write.test"));
        }
        long start = System.nanoTime();
        wrt().send(new AddSeedPeople(campaign, org, seeds), admin);
        report.note("seed batch of " + NOMINATORS + " people (one command)", millis(System.nanoTime() - start));
        start = System.nanoTime();
        RoundId round = wrt().startRound(org, campaign, admin, Duration.ofDays(7));
        report.note("round start creating " + NOMINATORS + " invitations (one unit of work)",
                millis(System.nanoTime() - start));
        projections().awaitCaughtUp();

        ConcurrentLinkedQueue<ContactInvited> work = new ConcurrentLinkedQueue<>(
                events().payloads(ContactInvited.class, e -> e.roundId().equals(round)));
        assertThat(work).hasSize(NOMINATORS);
        long[] submitLatency = new long[NOMINATORS];
        int[] done = {0};
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        LagSampler lagSampler = new LagSampler();
        java.util.concurrent.ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(lagSampler::sample, 0, 50, TimeUnit.MILLISECONDS);
        long phase = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int seed = t;
            futures.add(pool.submit(() -> {
                Random random = new Random(seed);
                ContactInvited invitation;
                while ((invitation = work.poll()) != null) {
                    Actor nominator = Actor.nominator(invitation.invitationId());
                    IssuedCode code = wrt().send(new RequestVerificationCode(invitation.invitationId(), org,
                            invitation.email()), nominator);
                    wrt().send(new VerifyCode(invitation.invitationId(), org, code.code()), nominator);
                    List<NomineeInput> nominees = new ArrayList<>();
                    while (nominees.size() < 5) {
                        int k = (int) (3_000 * Math.pow(random.nextDouble(), 2));
                        NomineeInput n = new NomineeInput("Person " + k, "person" + k + "@write.test", "");
                        if (nominees.stream().noneMatch(x -> x.email().equals(n.email()))) {
                            nominees.add(n);
                        }
                    }
                    long s = System.nanoTime();
                    wrt().send(SubmitNominations.of(org, invitation.invitationId(), nominees), nominator);
                    long took = System.nanoTime() - s;
                    synchronized (done) {
                        submitLatency[done[0]++] = took;
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get(30, TimeUnit.MINUTES);
        }
        pool.shutdown();
        sampler.shutdown();
        sampler.awaitTermination(5, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - phase) / 1e9;
        report.note(String.format(Locale.ROOT, "%,d nominators, %d threads (3 commands each)", NOMINATORS, THREADS),
                String.format(Locale.ROOT, "%.1f s: %,.0f nominations/s, %,.0f commands/s", seconds,
                        NOMINATORS / seconds, 3 * NOMINATORS / seconds));
        report.note("SubmitNominations latency (5 nominees, roster policy in the same transaction)",
                BenchmarkReport.ms(BenchmarkReport.percentilesMillis(submitLatency)));

        double[] fromStored = BenchmarkReport.percentilesMillis(lagSampler.fromStored());
        report.row(String.format(Locale.ROOT, "read-model lag during the nominations: oldest event stored but not "
                        + "yet projected, from when it was stored (sampled every 50 ms, %d samples)",
                lagSampler.count()), BenchmarkReport.ms(fromStored), "p99 < 1 s", fromStored[2] < 1_000);
        report.note("the same, counted from the event's own timestamp (set when the command applied it, so it adds "
                        + "the time its command still waited for the campaign before committing)",
                BenchmarkReport.ms(BenchmarkReport.percentilesMillis(lagSampler.fromTimestamp())));

        projections().awaitCaughtUp();
        HistogramSnapshot snapshot = lag.timer().takeSnapshot();
        StringBuilder figure = new StringBuilder();
        for (ValueAtPercentile value : snapshot.percentileValues()) {
            double ms = value.value(TimeUnit.MILLISECONDS);
            figure.append(String.format(Locale.ROOT, "p%.0f %.0f ms, ", value.percentile() * 100, ms));
        }
        figure.append(String.format(Locale.ROOT, "max %.0f ms over %,d events",
                snapshot.max(TimeUnit.MILLISECONDS), snapshot.count()));
        report.note("per-event lag over everything above, incl. the round-start burst of "
                + NOMINATORS + " invitations (event stored → projection committed)", figure.toString());

        // the same history again, through Axon's reset of the live processor
        long events = eventStore.createHeadToken().position().orElse(0);
        projections().readModels().shutDown();
        projections().readModels().resetTokens();
        start = System.nanoTime();
        projections().readModels().start();
        projections().awaitCaughtUp();
        double replay = (System.nanoTime() - start) / 1e9;
        report.note(String.format(Locale.ROOT, "replay through the live processor (Axon reset), %,d events", events),
                String.format(Locale.ROOT, "%.1f s: %,.0f events/s", replay, events / replay));
    }

    /**
     * Every 50 ms: which stored events the read models have not handled yet, and how long the oldest of them
     * has been waiting, counted from when it was stored (first seen by the sampler: a command's events become
     * visible when it commits) and from its own timestamp (set when the command applied it, before it
     * committed).
     */
    private final class LagSampler {

        private final java.util.Map<Long, Long> firstSeen = new java.util.HashMap<>();
        private final List<Long> fromStored = new ArrayList<>();
        private final List<Long> fromTimestamp = new ArrayList<>();

        synchronized void sample() {
            long now = System.nanoTime();
            java.time.Instant wallClock = java.time.Instant.now();
            long position = projections().readModels().processingStatus().values().stream()
                    .mapToLong(status -> status.getCurrentPosition().orElse(0)).min().orElse(0);
            List<java.util.Map<String, Object>> waiting = jdbc.queryForList(
                    "SELECT globalindex, timestamp FROM domainevententry WHERE globalindex > ? ORDER BY globalindex",
                    position);
            firstSeen.keySet().removeIf(index -> index <= position);
            long oldestStored = now;
            for (java.util.Map<String, Object> row : waiting) {
                long index = ((Number) row.get("globalindex")).longValue();
                oldestStored = Math.min(oldestStored, firstSeen.computeIfAbsent(index, i -> now));
            }
            fromStored.add(now - oldestStored);
            fromTimestamp.add(waiting.isEmpty() ? 0 : Math.max(0, Duration.between(
                    java.time.Instant.parse((String) waiting.get(0).get("timestamp")), wallClock).toNanos()));
        }

        synchronized long[] fromStored() {
            return fromStored.stream().mapToLong(Long::longValue).toArray();
        }

        synchronized long[] fromTimestamp() {
            return fromTimestamp.stream().mapToLong(Long::longValue).toArray();
        }

        synchronized int count() {
            return fromStored.size();
        }
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
    }
}
