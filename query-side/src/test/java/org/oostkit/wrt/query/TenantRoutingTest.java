package org.oostkit.wrt.query;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.tenant.TenantDirectory;
import org.oostkit.wrt.query.tenant.TenantSchemas;
import org.oostkit.wrt.testing.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With one pooled connection shared by two tenants, alternating 1,000 times, every row lands in its own
 * tenant's schema: the schema is part of each statement, nothing is left on the connection.
 */
class TenantRoutingTest {

    @Test
    @DisplayName("pool size 1, two tenants alternating 1,000 times: every row in the right schema")
    void alternatingTenantsOnOneConnection() {
        TestDatabase.Coordinates db = TestDatabase.fresh();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.url());
        config.setUsername(db.username());
        config.setPassword(db.password());
        config.setMaximumPoolSize(1);
        try (HikariDataSource single = new HikariDataSource(config)) {
            JdbcTemplate jdbc = new JdbcTemplate(single);
            // Flyway needs connections of its own; the writes under test use the single pooled one
            TenantSchemas schemas = new TenantSchemas(new DriverManagerDataSource(db.url(), db.username(), db.password()));
            TenantDirectory tenants = new TenantDirectory(jdbc, schemas);
            OrganisationId a = OrganisationId.random();
            OrganisationId b = OrganisationId.random();
            for (int i = 0; i < 1_000; i++) {
                OrganisationId tenant = i % 2 == 0 ? a : b;
                String schema = tenants.schemaForEvent(tenant.toString(), tenant);
                jdbc.update("INSERT INTO " + schema + ".campaign (campaign_id, name, convergence_threshold, "
                                + "default_round_days, reminder_enabled, reminder_days_before, status, created_at, "
                                + "updated_at) VALUES (?, ?, 2, 14, false, 3, 'ACTIVE', now(), now())",
                        UUID.randomUUID(), tenant.toString());
            }
            for (OrganisationId tenant : new OrganisationId[]{a, b}) {
                String schema = TenantSchemas.schemaOf(tenant);
                assertThat(jdbc.queryForObject("SELECT count(*) FROM " + schema + ".campaign", Integer.class))
                        .isEqualTo(500);
                assertThat(jdbc.queryForObject("SELECT count(*) FROM " + schema + ".campaign WHERE name <> ?",
                        Integer.class, tenant.toString())).isZero();
            }
            assertThat(jdbc.queryForObject("SHOW search_path", String.class)).doesNotContain("tenant_");
        }
    }
}
