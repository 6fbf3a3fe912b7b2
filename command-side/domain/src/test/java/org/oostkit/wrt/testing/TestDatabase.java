package org.oostkit.wrt.testing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * A fresh PostgreSQL database for each test run (JVM): a Testcontainers PostgreSQL 16 where Docker works,
 * otherwise a new database on the local server ({@code WRT_TEST_POSTGRES}, default
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres} as {@code postgres}), dropped when the run ends.
 */
public final class TestDatabase {

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);
    private static Coordinates shared;
    private static PostgreSQLContainer<?> container;

    private TestDatabase() {
    }

    /** Where a database lives: JDBC URL and credentials. */
    public record Coordinates(String url, String username, String password) {
    }

    /** The database of this run, created on first use. */
    public static synchronized Coordinates shared() {
        if (shared == null) {
            shared = fresh();
        }
        return shared;
    }

    /** Another new, empty database (for tests that need a store of their own, like restarts). */
    public static synchronized Coordinates fresh() {
        if (dockerAvailable()) {
            if (container == null) {
                container = new PostgreSQLContainer<>("postgres:16-alpine");
                container.start();
            }
            return create(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        String admin = System.getenv().getOrDefault("WRT_TEST_POSTGRES", "jdbc:postgresql://127.0.0.1:5432/postgres");
        return create(admin, System.getenv().getOrDefault("WRT_TEST_POSTGRES_USER", "postgres"),
                System.getenv().getOrDefault("WRT_TEST_POSTGRES_PASSWORD", ""));
    }

    private static boolean dockerAvailable() {
        if ("false".equals(System.getenv("WRT_TEST_DOCKER"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Coordinates create(String adminUrl, String user, String password) {
        String name = "wrt_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")) + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database on " + adminUrl + ": " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(adminUrl, user, password, name)));
        String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name
                + (adminUrl.contains("?") ? adminUrl.substring(adminUrl.indexOf('?')) : "");
        log.info("Test database {}", url);
        return new Coordinates(url, user, password);
    }

    private static void drop(String adminUrl, String user, String password, String name) {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            // the run is over; a left-over test database is only clutter
        }
    }
}
