package org.oostkit.wrt.testing;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.HashMap;
import java.util.Map;

/**
 * Points every Spring context of the tests at the run's fresh database, with settings that suit tests
 * (fast deadline polling, test keys). Registered in {@code META-INF/spring.factories} of the test jar.
 * A context can be given a database of its own with {@code wrt.test.database-url} and friends.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        Map<String, Object> database = new HashMap<>();
        if (environment.containsProperty("wrt.test.database-url")) {
            database.put("spring.datasource.url", environment.getProperty("wrt.test.database-url"));
            database.put("spring.datasource.username", environment.getProperty("wrt.test.database-username"));
            database.put("spring.datasource.password", environment.getProperty("wrt.test.database-password", ""));
        } else {
            TestDatabase.Coordinates db = TestDatabase.shared();
            database.put("spring.datasource.url", db.url());
            database.put("spring.datasource.username", db.username());
            database.put("spring.datasource.password", db.password());
        }
        if (!environment.getProperty("wrt.test.configured-keys", Boolean.class, false)) {
            // test keys win over application.yml's development defaults, which refuse a non-loopback base URL;
            // a test of the key check itself keeps the configured ones
            database.put("wrt.security.master-key", "dGVzdC1tYXN0ZXIta2V5LXRlc3QtbWFzdGVyLWtleSE=");
            database.put("wrt.security.hmac-key", "dGVzdC1obWFjLWtleS10ZXN0LWhtYWMta2V5LXRlc3Qh");
        }
        environment.getPropertySources().addFirst(new MapPropertySource("wrt-test-database", database));

        Map<String, Object> defaults = new HashMap<>();
        defaults.put("axon.axonserver.enabled", "false");
        defaults.put("db-scheduler.polling-interval", "1s");
        defaults.put("db-scheduler.delay-startup-until-context-ready", "true");
        defaults.put("db-scheduler.table-name", "scheduled_tasks");
        defaults.put("wrt.demo", "false");
        defaults.put("spring.datasource.hikari.maximum-pool-size", "10");
        environment.getPropertySources().addLast(new MapPropertySource("wrt-test-defaults", defaults));
    }
}
