package org.oostkit.wrt.query.round;

import org.axonframework.queryhandling.QueryHandler;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.query.api.ContactView;
import org.oostkit.wrt.query.api.RoundQueries.FindContacts;
import org.oostkit.wrt.query.api.RoundQueries.FindRound;
import org.oostkit.wrt.query.api.RoundQueries.FindRounds;
import org.oostkit.wrt.query.api.RoundView;
import org.oostkit.wrt.query.tenant.TenantDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static org.oostkit.wrt.query.tenant.Columns.instant;
import static org.oostkit.wrt.query.tenant.Columns.uuid;

/** Answers the round queries (round status and contacts) of one tenant. */
@Component
public class RoundReadModel {

    private static final Set<String> STATUSES = Set.of("PENDING", "SENT", "FAILED", "UNCERTAIN", "SOFT_BOUNCED", "DELIVERED", "OPENED", "CLICKED",
            "BOUNCED", "SPAM_COMPLAINT");

    private final JdbcTemplate jdbc;
    private final TenantDirectory tenants;

    RoundReadModel(JdbcTemplate jdbc, TenantDirectory tenants) {
        this.jdbc = jdbc;
        this.tenants = tenants;
    }

    @QueryHandler
    public List<RoundView> rounds(FindRounds query) {
        return tenants.schemaFor(query.organisationId()).map(s -> jdbc.query(roundSql(s, "")
                + " ORDER BY r.round_number", ROUND, query.campaignId().value())).orElse(List.of());
    }

    @QueryHandler
    public RoundView round(FindRound query) {
        return tenants.schemaFor(query.organisationId()).flatMap(s -> jdbc.query(roundSql(s, " AND r.round_number = ?"),
                ROUND, query.campaignId().value(), query.roundNumber()).stream().findFirst()).orElse(null);
    }

    @QueryHandler
    List<ContactView> contacts(FindContacts query) {
        Optional<String> schema = tenants.schemaFor(query.organisationId());
        if (schema.isEmpty()) {
            return List.of();
        }
        String s = schema.get();
        StringBuilder sql = new StringBuilder("SELECT c.* FROM " + s + ".contact c JOIN " + s + ".round r ON "
                + "r.round_id = c.round_id WHERE r.campaign_id = ? AND r.round_number = ?");
        List<Object> args = new ArrayList<>(List.of(query.campaignId().value(), query.roundNumber()));
        String filter = query.status() == null ? "" : query.status().strip().toUpperCase(Locale.ROOT);
        if (filter.equals("RESPONDED")) {
            sql.append(" AND c.responded_at IS NOT NULL");
        } else if (filter.equals("NOT_RESPONDED")) {
            sql.append(" AND c.responded_at IS NULL");
        } else if (STATUSES.contains(filter)) {
            sql.append(" AND c.delivery_status = ?");
            args.add(filter);
        }
        sql.append(" ORDER BY lower(c.name), c.email, c.invitation_id");
        return jdbc.query(sql.toString(), CONTACT, args.toArray());
    }

    private static String roundSql(String s, String condition) {
        return "SELECT r.round_id, r.campaign_id, r.round_number, r.status, r.started_at, r.deadline, r.reminder_at, "
                + "r.reminder_sent_at, r.closed_at, r.close_reason, count(c.invitation_id) AS contacted, "
                + "count(c.sent_at) AS sent, count(*) FILTER (WHERE c.delivery_status = 'FAILED') AS failed, "
                + "count(*) FILTER (WHERE c.delivered_at IS NOT NULL OR c.opened_at IS NOT NULL "
                + "OR c.clicked_at IS NOT NULL) AS delivered, count(c.opened_at) AS opened, "
                + "count(c.clicked_at) AS clicked, count(c.bounced_at) AS bounced, count(c.spam_at) AS spam, "
                + "count(c.link_opened_at) AS link_opened, count(c.verified_at) AS verified, "
                + "count(c.responded_at) AS responded "
                + "FROM " + s + ".round r LEFT JOIN " + s + ".contact c ON c.round_id = r.round_id "
                + "WHERE r.campaign_id = ?" + condition + " GROUP BY r.round_id";
    }

    private static final RowMapper<RoundView> ROUND = (rs, n) -> {
        int contacted = rs.getInt("contacted");
        int responded = rs.getInt("responded");
        return new RoundView(new RoundId(uuid(rs, "round_id")), new CampaignId(uuid(rs, "campaign_id")),
                rs.getInt("round_number"), rs.getString("status"), instant(rs, "started_at"),
                instant(rs, "deadline"), instant(rs, "reminder_at"), instant(rs, "reminder_sent_at"),
                instant(rs, "closed_at"), rs.getString("close_reason"), contacted, rs.getInt("sent"),
                rs.getInt("failed"), rs.getInt("delivered"), rs.getInt("opened"), rs.getInt("clicked"),
                rs.getInt("bounced"), rs.getInt("spam"), rs.getInt("link_opened"), rs.getInt("verified"), responded,
                contacted == 0 ? 0 : (double) responded / contacted);
    };

    private static final RowMapper<ContactView> CONTACT = (rs, n) -> new ContactView(
            new InvitationId(uuid(rs, "invitation_id")), new PersonId(uuid(rs, "person_id")), rs.getString("name"),
            rs.getString("email"), rs.getString("delivery_status"), rs.getInt("nominee_count"),
            instant(rs, "invited_at"), instant(rs, "sent_at"), instant(rs, "failed_at"), rs.getString("failure_reason"),
            instant(rs, "delivered_at"), instant(rs, "opened_at"), instant(rs, "clicked_at"),
            instant(rs, "bounced_at"), instant(rs, "spam_at"), instant(rs, "link_opened_at"),
            instant(rs, "verified_at"), instant(rs, "responded_at"), instant(rs, "reminded_at"));
}
