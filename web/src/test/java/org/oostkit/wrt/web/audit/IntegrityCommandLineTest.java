package org.oostkit.wrt.web.audit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.audit.IntegrityProblem;
import org.oostkit.wrt.api.audit.IntegrityReport;
import org.oostkit.wrt.web.WrtApplication;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntegrityCommandLineTest {

    @Test
    @DisplayName("arguments: integrity verify, optionally --org and --campaign together")
    void arguments() {
        assertThat(IntegrityCommandLine.handles(new String[]{"integrity", "verify"})).isTrue();
        assertThat(IntegrityCommandLine.handles(new String[]{"org", "create"})).isFalse();
        assertThat(IntegrityCommandLine.handles(new String[]{})).isFalse();
        assertThat(IntegrityCommandLine.parse(new String[]{"integrity", "verify"}))
                .isEqualTo(new IntegrityCommandLine.Request(null, null));
        UUID campaign = UUID.randomUUID();
        assertThat(IntegrityCommandLine.parse(new String[]{"integrity", "verify", "--campaign", campaign.toString(),
                "--org", "demo"})).isEqualTo(new IntegrityCommandLine.Request("demo", campaign));
        assertThatThrownBy(() -> IntegrityCommandLine.parse(new String[]{"integrity"})).hasMessageStartingWith("usage:");
        assertThatThrownBy(() -> IntegrityCommandLine.parse(new String[]{"integrity", "verify", "--org", "demo"}))
                .hasMessageContaining("go together");
        assertThatThrownBy(() -> IntegrityCommandLine.parse(new String[]{"integrity", "verify", "--org"}))
                .hasMessageStartingWith("usage:");
        assertThatThrownBy(() -> IntegrityCommandLine.parse(new String[]{"integrity", "verify", "--org", "demo",
                "--campaign", "x"})).hasMessageContaining("not a campaign id");
    }

    @Test
    @DisplayName("--help answers the usage without starting anything")
    void help() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        assertThat(IntegrityCommandLine.run(Object.class, new String[]{"integrity", "verify", "--help"},
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(IntegrityCommandLine.INTACT);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: integrity verify").contains("--org=SLUG");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    @DisplayName("a broken chain is printed link by link, first one first")
    void brokenText() {
        String text = IntegrityResponse.of(new IntegrityReport("store", Instant.parse("2026-11-22T10:00:00Z"), 10, 3, 2,
                List.of(new IntegrityProblem(7, "agg-1", 2, "org.x.SeedPersonAdded", IntegrityProblem.Kind.HASH_MISMATCH,
                        "content differs"), new IntegrityProblem(9, "agg-2", 4, "org.x.RoundClosed",
                        IntegrityProblem.Kind.SEQUENCE_GAP, "1 event(s) missing")))).text();
        assertThat(text).contains("10 events in 3 aggregates: 2 broken link(s).")
                .contains("position 7  HASH_MISMATCH  aggregate agg-1 #2  org.x.SeedPersonAdded: content differs");
        assertThat(text.indexOf("position 7")).isLessThan(text.indexOf("position 9"));
    }

    @Test
    @DisplayName("end to end on the test database: the whole store verifies (exit 0); an unknown organisation is a usage error (exit 2)")
    void endToEnd() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = IntegrityCommandLine.run(WrtApplication.class, new String[]{"integrity", "verify"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(IntegrityCommandLine.INTACT);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Integrity of store, checked ")
                .contains("every hash chain is intact.");

        out.reset();
        code = IntegrityCommandLine.run(WrtApplication.class, new String[]{"integrity", "verify", "--org", "no-such-org",
                "--campaign", UUID.randomUUID().toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(IntegrityCommandLine.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no organisation no-such-org");
        assertThat(IntegrityCommandLine.run(WrtApplication.class, new String[]{"integrity", "check"},
                new PrintStream(out), new PrintStream(err))).isEqualTo(IntegrityCommandLine.USAGE);
    }
}
