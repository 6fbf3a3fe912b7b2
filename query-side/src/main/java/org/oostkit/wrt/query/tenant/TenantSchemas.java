package org.oostkit.wrt.query.tenant;

import org.flywaydb.core.Flyway;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.regex.Pattern;

/** Creates and migrates each tenant's schema, named from the organisation id only and checked before use. */
@Component
public class TenantSchemas {

    public static final String LOCATION = "classpath:db/tenant";
    private static final Pattern NAME = Pattern.compile("^tenant_[0-9a-f]{32}$");
    private static final Logger log = LoggerFactory.getLogger(TenantSchemas.class);

    private final DataSource dataSource;

    public TenantSchemas(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static String schemaOf(OrganisationId organisationId) {
        return "tenant_" + organisationId.value().toString().replace("-", "");
    }

    /** The schema name, refused unless it has the form of a tenant schema (SQL-injection proof). */
    public static String checked(String schema) {
        if (schema == null || !NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a tenant schema: " + schema);
        }
        return schema;
    }

    /** Creates the schema if needed and applies every pending tenant migration; idempotent. */
    public void migrate(String schema) {
        int applied = Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .schemas(checked(schema))
                .createSchemas(true)
                .load()
                .migrate()
                .migrationsExecuted;
        if (applied > 0) {
            log.info("Tenant schema {}: {} migration(s) applied", schema, applied);
        }
    }
}
