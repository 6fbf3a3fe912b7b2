package org.oostkit.wrt.query.person;

import org.axonframework.queryhandling.QueryHandler;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.common.PersonalData;
import org.oostkit.wrt.query.api.PersonQueries.FindPersonStory;
import org.oostkit.wrt.query.api.PersonStoryView;
import org.oostkit.wrt.query.api.ReasonView;
import org.oostkit.wrt.query.tenant.TenantDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Answers a person's story from the tenant's person, contact and nomination rows: a handful of indexed
 * reads. A reason erased with its writer or its subject reads as none given, as on the results page.
 */
@Component
class PersonStoryQueryHandler {

    private static final String GIVEN = "e.reason <> '' AND e.reason <> '" + PersonalData.ERASED + "'";

    private final JdbcTemplate jdbc;
    private final TenantDirectory tenants;

    PersonStoryQueryHandler(JdbcTemplate jdbc, TenantDirectory tenants) {
        this.jdbc = jdbc;
        this.tenants = tenants;
    }

    private static final RowMapper<ReasonView> REASON = (rs, n) -> new ReasonView(
            new PersonId(rs.getObject("nominee_id", UUID.class)), rs.getString("nominee_name"),
            new PersonId(rs.getObject("nominator_id", UUID.class)), rs.getString("nominator_name"),
            rs.getInt("round_number"), rs.getString("reason"));

    @QueryHandler
    PersonStoryView handle(FindPersonStory query) {
        Optional<String> schema = tenants.schemaFor(query.organisationId());
        if (schema.isEmpty()) {
            return null;
        }
        String s = schema.get();
        UUID campaign = query.campaignId().value();
        UUID person = query.personId().value();
        List<Map<String, Object>> found = jdbc.queryForList("SELECT p.*, c.convergence_threshold FROM " + s
                + ".person p JOIN " + s + ".campaign c ON c.campaign_id = p.campaign_id "
                + "WHERE p.campaign_id = ? AND p.person_id = ?", campaign, person);
        if (found.isEmpty()) {
            return null;
        }
        Map<String, Object> p = found.get(0);
        int nominations = (Integer) p.get("nominator_count");
        boolean inRoster = (Boolean) p.get("in_roster");
        int threshold = (Integer) p.get("convergence_threshold");
        // the rank the ranked list gives: one more than those named by more nominators
        Integer[] ranking = jdbc.queryForObject("SELECT count(*) FILTER (WHERE nominator_count > ?), "
                + "count(*) FILTER (WHERE nominator_count >= ?) FROM " + s + ".person WHERE campaign_id = ? "
                + "AND (in_roster OR nominator_count > 0)", (rs, n) -> new Integer[]{rs.getInt(1), rs.getInt(2)},
                nominations, threshold, campaign);
        Integer rank = inRoster || nominations > 0 ? ranking[0] + 1 : null;
        String columns = "e.nominee_id, e.nominee_name, e.nominator_id, coalesce(n.name, '') AS nominator_name, "
                + "e.round_number, CASE WHEN " + GIVEN + " THEN e.reason ELSE '' END AS reason FROM " + s
                + ".nomination e LEFT JOIN " + s + ".person n ON n.campaign_id = e.campaign_id AND n.person_id = "
                + "e.nominator_id";
        List<ReasonView> namedBy = jdbc.query("SELECT " + columns + " WHERE e.campaign_id = ? AND e.nominee_id = ? "
                + "ORDER BY e.round_number, n.name, e.nominator_id", REASON, campaign, person);
        List<ReasonView> named = jdbc.query("SELECT " + columns + " WHERE e.campaign_id = ? AND e.nominator_id = ? "
                + "ORDER BY e.round_number, e.nominee_name, e.nominee_id", REASON, campaign, person);
        List<Map<String, Object>> contact = jdbc.queryForList("SELECT invited_at, responded_at FROM " + s
                + ".contact WHERE campaign_id = ? AND person_id = ? ORDER BY invited_at LIMIT 1", campaign, person);
        Instant invited = contact.isEmpty() ? null : instant(contact.get(0).get("invited_at"));
        Instant responded = contact.isEmpty() ? null : instant(contact.get(0).get("responded_at"));
        String name = (String) p.get("name");
        return new PersonStoryView(query.personId(), name, (String) p.get("email"), (String) p.get("source"),
                inRoster, (Integer) p.get("entered_round"), (Integer) p.get("contacted_round"), invited, responded,
                nominations, rank, ranking[1], threshold, namedBy, named, PersonalData.ERASED.equals(name));
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : null;
    }
}
