package org.oostkit.wrt.benchmark;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.oostkit.wrt.query.api.CampaignQueries.CandidateFilter;
import org.oostkit.wrt.query.api.CampaignQueries.FindConvergence;
import org.oostkit.wrt.query.api.CampaignQueries.FindStatistics;
import org.oostkit.wrt.query.api.ConvergenceView;
import org.oostkit.wrt.query.api.StatisticsView;
import org.oostkit.wrt.query.support.ReadSideTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Locale;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read-side speed: one campaign with 100,000 nominations; ranked convergence and statistics through the
 * query gateway; a full replay of 1,000,000 events. Run with {@code -Pbenchmark}; figures go to
 * {@code query-side/target/benchmarks/read-side.md}.
 */
@Tag("benchmark")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadSideBenchmark extends ReadSideTestSupport {

    @Autowired
    PlatformTransactionManager transactions;

    private final BenchmarkReport report = new BenchmarkReport("read-side");
    private SyntheticHistory history;
    private SyntheticHistory.Generated big;

    @Test
    @Order(1)
    void campaignWith100kNominations() {
        history = new SyntheticHistory(eventStorageEngine, new TransactionTemplate(transactions));
        long start = System.nanoTime();
        big = history.campaign(Integer.getInteger("bench.seeds", 4_000), Integer.getInteger("bench.nominators", 20_000), 5, Integer.getInteger("bench.pool", 40_000));
        double written = (System.nanoTime() - start) / 1e9;
        report.note("history written (through the encrypting serializer)", String.format(Locale.ROOT,
                "%,d events, %,d nominations, %,d people in %.1f s", history.written(), big.nominations(),
                big.people(), written));
        start = System.nanoTime();
        projections().awaitCaughtUp();
        double projected = (System.nanoTime() - start) / 1e9;
        report.note("live projection of that history", String.format(Locale.ROOT, "%.1f s (%,.0f events/s)",
                projected, history.written() / projected));
        assertThat(big.nominations()).isEqualTo(100_000);
    }

    @Test
    @Order(2)
    void rankedConvergenceAndStatistics() {
        FindConvergence ranked = FindConvergence.firstPage(big.organisation(), big.campaign(), CandidateFilter.ALL);
        FindConvergence above = FindConvergence.firstPage(big.organisation(), big.campaign(),
                new CandidateFilter(true, false, null, null, null));
        FindStatistics statistics = new FindStatistics(big.organisation(), big.campaign());
        ConvergenceView first = ask(ranked, ConvergenceView.class);
        assertThat(first.total()).isGreaterThan(20_000);
        assertThat(first.candidates().get(0).nominations()).isGreaterThan(first.candidates().get(99).nominations());
        assertThat(ask(statistics, StatisticsView.class).nominations()).isEqualTo(100_000);

        double[] rankedP = time(() -> ask(ranked, ConvergenceView.class));
        report.row("ranked convergence, first page of 100 (100k nominations)", BenchmarkReport.ms(rankedP),
                "p95 < 100 ms", rankedP[1] < 100);
        double[] aboveP = time(() -> ask(above, ConvergenceView.class));
        report.row("convergence above threshold, first page", BenchmarkReport.ms(aboveP), "p95 < 100 ms",
                aboveP[1] < 100);
        double[] statsP = time(() -> ask(statistics, StatisticsView.class));
        report.row("statistics (100k nominations)", BenchmarkReport.ms(statsP), "p95 < 100 ms", statsP[1] < 100);
    }

    @Test
    @Order(3)
    void replayOfAMillionEvents() {
        while (total() < 1_000_000) {
            history.campaign(4_000, 20_000, 5, 40_000);
        }
        projections().awaitCaughtUp();
        long events = total();
        StreamingEventProcessor processor = projections().readModels();
        processor.shutDown();
        processor.resetTokens();
        long start = System.nanoTime();
        processor.start();
        projections().awaitCaughtUp();
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = events / seconds;
        report.row(String.format(Locale.ROOT, "full replay of the read models (%,d events)", events),
                String.format(Locale.ROOT, "%.1f s, %,.0f events/s", seconds, rate), ">= 20,000 events/s",
                rate >= 20_000);
    }

    private long total() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        return n == null ? 0 : n;
    }

    private static double[] time(Supplier<?> call) {
        for (int i = 0; i < 20; i++) {
            call.get();
        }
        long[] samples = new long[200];
        for (int i = 0; i < samples.length; i++) {
            long start = System.nanoTime();
            call.get();
            samples[i] = System.nanoTime() - start;
        }
        return BenchmarkReport.percentilesMillis(samples);
    }
}
