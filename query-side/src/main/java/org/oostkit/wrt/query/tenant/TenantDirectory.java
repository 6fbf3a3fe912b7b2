package org.oostkit.wrt.query.tenant;

import org.oostkit.wrt.api.organisation.OrganisationId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Where a tenant's read models are: for queries by organisation, for projections by event (created on first sight). */
@Component
public class TenantDirectory {

    private final JdbcTemplate jdbc;
    private final TenantSchemas schemas;
    private final Set<String> migrated = ConcurrentHashMap.newKeySet();

    public TenantDirectory(JdbcTemplate jdbc, TenantSchemas schemas) {
        this.jdbc = jdbc;
        this.schemas = schemas;
    }

    /** The schema of a registered tenant, for queries. */
    public Optional<String> schemaFor(OrganisationId organisationId) {
        String schema = TenantSchemas.schemaOf(organisationId);
        if (migrated.contains(schema)) {
            return Optional.of(schema);
        }
        Boolean exists = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM tenant WHERE organisation_id = ?)",
                Boolean.class, organisationId.value());
        return Boolean.TRUE.equals(exists) ? Optional.of(schema) : Optional.empty();
    }

    /** The registered name of the organisation, for reports. */
    public Optional<String> organisationName(OrganisationId organisationId) {
        return jdbc.query("SELECT name FROM tenant WHERE organisation_id = ?", (rs, n) -> rs.getString(1),
                        organisationId.value())
                .stream().findFirst();
    }

    /** The schema of the tenant in an event's metadata (which must be the event's own), migrated on first sight. */
    public String schemaForEvent(String tenant, OrganisationId organisationId) {
        if (tenant == null || !tenant.equals(organisationId.toString())) {
            throw new IllegalStateException("event of organisation " + organisationId
                    + " carries tenant metadata " + tenant);
        }
        String schema = TenantSchemas.schemaOf(organisationId);
        if (migrated.add(schema)) {
            try {
                schemas.migrate(schema);
            } catch (RuntimeException e) {
                migrated.remove(schema);
                throw e;
            }
        }
        return schema;
    }

    /** Every tenant schema that exists. */
    public List<String> allSchemas() {
        return jdbc.queryForList("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant\\_%' ORDER BY 1",
                String.class).stream().filter(s -> s.matches("^tenant_[0-9a-f]{32}$")).toList();
    }
}
