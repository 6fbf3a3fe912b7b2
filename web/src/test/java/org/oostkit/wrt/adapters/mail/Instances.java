package org.oostkit.wrt.adapters.mail;

import org.oostkit.wrt.testing.TestDatabase;
import org.oostkit.wrt.web.WrtApplication;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.oostkit.wrt.adapters.mail.SmtpServer.await;

/**
 * Application instances in JVMs of their own, from the classes the test runs on, on one database: started,
 * told apart by their HTTP port, and killed with SIGKILL (no shutdown hook, no release of claims or locks).
 * Each one's output goes to {@code /tmp/wrt-<name>-*.log}.
 */
final class Instances implements AutoCloseable {

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

    /** One running instance. */
    record Instance(String name, Process process, Path log) {

        int port() {
            Matcher matcher = PORT.matcher(read(log));
            if (!matcher.find()) {
                throw new IllegalStateException(name + " has no HTTP port yet; see " + log);
            }
            return Integer.parseInt(matcher.group(1));
        }

        String base() {
            return "http://localhost:" + port();
        }

        /** kill -9: the instance stops between two instructions. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 137) {
                throw new AssertionError(name + " did not end by SIGKILL");
            }
        }
    }

    private final TestDatabase.Coordinates db;
    private final List<String> settings;
    private final List<Instance> started = new ArrayList<>();

    /** @param settings command-line settings of every instance, after the database's */
    Instances(TestDatabase.Coordinates db, List<String> settings) {
        this.db = db;
        this.settings = settings;
    }

    Instance launch(String name, String... more) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path log = Files.createTempFile("wrt-" + name + "-", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", classpath, WrtApplication.class.getName()));
        command.addAll(arguments(db));
        command.addAll(settings);
        command.addAll(List.of(more));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instance instance = new Instance(name, process, log);
        started.add(instance);
        return instance;
    }

    static void awaitStarted(Instance... instances) {
        for (Instance instance : instances) {
            await("the " + instance.name() + " JVM started (" + instance.log() + ")", Duration.ofSeconds(240), () -> {
                if (!instance.process().isAlive()) {
                    throw new AssertionError("the " + instance.name() + " JVM ended; see " + instance.log());
                }
                return read(instance.log()).contains("Started WrtApplication");
            });
        }
    }

    /** The database and the settings every instance of a test shares, as command-line arguments (they win). */
    static List<String> arguments(TestDatabase.Coordinates db) {
        return List.of("--wrt.test.database-url=" + db.url(),
                "--wrt.test.database-username=" + db.username(),
                "--wrt.test.database-password=" + db.password(),
                "--server.port=0");
    }

    @Override
    public void close() {
        started.forEach(instance -> instance.process().destroyForcibly());
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }
}
