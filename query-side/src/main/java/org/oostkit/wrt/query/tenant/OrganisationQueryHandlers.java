package org.oostkit.wrt.query.tenant;

import org.axonframework.queryhandling.QueryHandler;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.organisation.OrganisationStatus;
import org.oostkit.wrt.query.api.OrganisationQueries.FindOrganisationBySlug;
import org.oostkit.wrt.query.api.OrganisationQueries.FindOrganisations;
import org.oostkit.wrt.query.api.OrganisationQueries.FindOrganisationsOfMember;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.query.time.EffectiveZones;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Answers organisation queries from the tenant registry. */
@Component
class OrganisationQueryHandlers {

    private static final String COLUMNS =
            "SELECT organisation_id, slug, name, status, admin_emails, auditor_emails, registered_at, time_zone "
                    + "FROM tenant ";

    private final JdbcTemplate jdbc;
    private final RowMapper<OrganisationView> view;

    OrganisationQueryHandlers(JdbcTemplate jdbc, EffectiveZones zones) {
        this.jdbc = jdbc;
        this.view = (rs, n) -> new OrganisationView(
                new OrganisationId(rs.getObject("organisation_id", UUID.class)), rs.getString("slug"),
                rs.getString("name"), OrganisationStatus.valueOf(rs.getString("status")),
                strings(rs.getArray("admin_emails")), strings(rs.getArray("auditor_emails")),
                rs.getTimestamp("registered_at").toInstant(), zones.orDefault(rs.getString("time_zone")));
    }

    @QueryHandler
    OrganisationView handle(FindOrganisationBySlug query) {
        return jdbc.query(COLUMNS + "WHERE slug = ?", view, query.slug()).stream().findFirst().orElse(null);
    }

    @QueryHandler
    List<OrganisationView> handle(FindOrganisations query) {
        return jdbc.query(COLUMNS + "ORDER BY slug", view);
    }

    @QueryHandler
    List<OrganisationView> handle(FindOrganisationsOfMember query) {
        return jdbc.query(COLUMNS + "WHERE ? = ANY (admin_emails) OR ? = ANY (auditor_emails) ORDER BY slug", view,
                query.email(), query.email());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
