package org.oostkit.wrt.query.processing;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.oostkit.wrt.api.organisation.OrganisationActivated;
import org.oostkit.wrt.api.organisation.OrganisationDeactivated;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.organisation.OrganisationMembersChanged;
import org.oostkit.wrt.api.organisation.OrganisationRegistered;
import org.oostkit.wrt.api.organisation.OrganisationStatus;
import org.oostkit.wrt.api.organisation.OrganisationSuspended;
import org.oostkit.wrt.query.tenant.TenantSchemas;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The registry of tenants, creating each one's schema when registered and migrating all at start-up. */
@Component
@ProcessingGroup(ReadModels.TENANT_REGISTRY)
class TenantRegistryProjection {

    private final JdbcTemplate jdbc;
    private final TenantSchemas schemas;

    TenantRegistryProjection(JdbcTemplate jdbc, TenantSchemas schemas) {
        this.jdbc = jdbc;
        this.schemas = schemas;
    }

    @EventHandler
    void on(OrganisationRegistered event, @org.axonframework.eventhandling.Timestamp Instant at) {
        String schema = TenantSchemas.schemaOf(event.organisationId());
        schemas.migrate(schema);
        jdbc.update("INSERT INTO tenant (organisation_id, slug, name, status, schema_name, admin_emails, "
                        + "auditor_emails, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (organisation_id) DO UPDATE SET slug = EXCLUDED.slug, name = EXCLUDED.name, "
                        + "status = EXCLUDED.status, admin_emails = EXCLUDED.admin_emails, "
                        + "auditor_emails = EXCLUDED.auditor_emails",
                event.organisationId().value(), event.slug(), event.name(), OrganisationStatus.ACTIVE.name(), schema,
                array(event.adminEmails()), array(event.auditorEmails()), Timestamp.from(at));
    }

    @EventHandler
    void on(OrganisationMembersChanged event) {
        jdbc.update("UPDATE tenant SET admin_emails = ?, auditor_emails = ? WHERE organisation_id = ?",
                array(event.adminEmails()), array(event.auditorEmails()), event.organisationId().value());
    }

    @EventHandler
    void on(OrganisationSuspended event) {
        status(event.organisationId(), OrganisationStatus.SUSPENDED);
    }

    @EventHandler
    void on(OrganisationActivated event) {
        status(event.organisationId(), OrganisationStatus.ACTIVE);
    }

    @EventHandler
    void on(OrganisationDeactivated event) {
        status(event.organisationId(), OrganisationStatus.INACTIVE);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM tenant");
    }

    @EventListener(ApplicationReadyEvent.class)
    void migrateKnownTenants() {
        jdbc.queryForList("SELECT schema_name FROM tenant", String.class).forEach(schemas::migrate);
    }

    private void status(OrganisationId id, OrganisationStatus status) {
        jdbc.update("UPDATE tenant SET status = ? WHERE organisation_id = ?", status.name(), id.value());
    }

    private String[] array(List<String> values) {
        return values == null ? new String[0] : values.toArray(String[]::new);
    }
}
