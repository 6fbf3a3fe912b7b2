package org.oostkit.wrt.web;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar wrt.jar integrity …} and {@code replay …} run their command, not the server: launched as
 * the jar's main class in a JVM of its own, with arguments that answer before any database is needed.
 */
class OperatorCommandsLaunchTest {

    record Run(int exit, String output) {
    }

    @Test
    @DisplayName("integrity verify --help prints its usage and exits 0")
    void integrity() throws Exception {
        Run run = launch("integrity", "verify", "--help");
        assertThat(run.exit()).isZero();
        assertThat(run.output()).contains("integrity").contains("--org").doesNotContain("Tomcat started");
    }

    @Test
    @DisplayName("replay with a bad argument prints its usage and exits 2")
    void replay() throws Exception {
        Run run = launch("replay", "--bogus");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.output()).contains("usage: java -jar wrt.jar replay").doesNotContain("Tomcat started");
    }

    private static Run launch(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WrtApplication.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended).as("the command ended by itself instead of starting the server").isTrue();
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));
    }
}
