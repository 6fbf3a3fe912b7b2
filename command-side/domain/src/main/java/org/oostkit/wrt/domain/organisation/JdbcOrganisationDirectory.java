package org.oostkit.wrt.domain.organisation;

import org.oostkit.wrt.api.common.Rule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.organisation.OrganisationActivated;
import org.oostkit.wrt.api.organisation.OrganisationDeactivated;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.organisation.OrganisationRegistered;
import org.oostkit.wrt.api.organisation.OrganisationStatus;
import org.oostkit.wrt.api.organisation.OrganisationSuspended;
import org.oostkit.wrt.domain.infrastructure.ProcessingGroups;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Kept by a subscribing processor, in the transaction of the events: the unique index on the slug makes a
 * concurrent registration of the same slug fail as a whole.
 */
@Component
@ProcessingGroup(ProcessingGroups.COMMAND_LOOKUPS)
class JdbcOrganisationDirectory implements OrganisationDirectory {

    private final JdbcTemplate jdbc;

    JdbcOrganisationDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean slugTaken(String slug) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM organisation_directory WHERE slug = ?)", Boolean.class, slug));
    }

    @Override
    public Optional<OrganisationStatus> status(OrganisationId organisationId) {
        return jdbc.query("SELECT status FROM organisation_directory WHERE organisation_id = ?",
                        (rs, n) -> OrganisationStatus.valueOf(rs.getString(1)), organisationId.value())
                .stream().findFirst();
    }

    @EventHandler
    void on(OrganisationRegistered event) {
        try {
            jdbc.update("INSERT INTO organisation_directory (organisation_id, slug, status) VALUES (?, ?, ?)",
                    event.organisationId().value(), event.slug(), OrganisationStatus.ACTIVE.name());
        } catch (DuplicateKeyException e) {
            throw new RuleViolation(Rule.SLUG_TAKEN, "The slug '" + event.slug() + "' is already taken.",
                    event.slug());
        }
    }

    @EventHandler
    void on(OrganisationSuspended event) {
        setStatus(event.organisationId(), OrganisationStatus.SUSPENDED);
    }

    @EventHandler
    void on(OrganisationActivated event) {
        setStatus(event.organisationId(), OrganisationStatus.ACTIVE);
    }

    @EventHandler
    void on(OrganisationDeactivated event) {
        setStatus(event.organisationId(), OrganisationStatus.INACTIVE);
    }

    private void setStatus(OrganisationId id, OrganisationStatus status) {
        jdbc.update("UPDATE organisation_directory SET status = ? WHERE organisation_id = ?", status.name(), id.value());
    }
}
