package org.oostkit.wrt.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Collects benchmark figures and writes them as a Markdown table to {@code target/benchmarks/NAME.md}. */
final class BenchmarkReport {

    private final String name;
    private final List<String> rows = new ArrayList<>();

    BenchmarkReport(String name) {
        this.name = name;
    }

    void row(String what, String figure, String target, boolean met) {
        rows.add("| " + what + " | " + figure + " | " + target + " | " + (met ? "yes" : "**no**") + " |");
        System.out.println("[benchmark] " + what + ": " + figure + " (target " + target + ", met: " + met + ")");
        write();
    }

    void note(String what, String figure) {
        rows.add("| " + what + " | " + figure + " | | |");
        System.out.println("[benchmark] " + what + ": " + figure);
        write();
    }

    /** p50/p95/p99 in milliseconds of the given nanosecond samples. */
    static double[] percentilesMillis(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new double[]{at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99)};
    }

    private static double at(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1_000_000.0;
    }

    static String ms(double[] p) {
        return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms", p[0], p[1], p[2]);
    }

    private void write() {
        try {
            Path dir = Path.of("target", "benchmarks");
            Files.createDirectories(dir);
            List<String> out = new ArrayList<>();
            out.add("| " + name + " | measured | target | met |");
            out.add("|---|---|---|---|");
            out.addAll(rows);
            out.add("");
            out.add("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                    + System.getProperty("java.version") + ", max heap "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
            Files.write(dir.resolve(name + ".md"), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
