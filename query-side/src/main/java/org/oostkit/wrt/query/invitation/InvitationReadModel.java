package org.oostkit.wrt.query.invitation;

import org.axonframework.queryhandling.QueryHandler;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.query.api.InvitationQueries.FindInvitation;
import org.oostkit.wrt.query.api.InvitationQueries.FindInvitationByTokenHash;
import org.oostkit.wrt.query.api.InvitationQueries.FindNominationsOf;
import org.oostkit.wrt.query.api.InvitationView;
import org.oostkit.wrt.query.api.NominationView;
import org.oostkit.wrt.query.tenant.TenantDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.regex.Pattern;

import static org.oostkit.wrt.query.tenant.Columns.instant;
import static org.oostkit.wrt.query.tenant.Columns.uuid;

/** Answers the nominator's queries (invitation, current list) within the tenant the query names. */
@Component
class InvitationReadModel {

    private static final Pattern HASH = Pattern.compile("^[0-9a-f]{64}$");

    private final JdbcTemplate jdbc;
    private final TenantDirectory tenants;

    InvitationReadModel(JdbcTemplate jdbc, TenantDirectory tenants) {
        this.jdbc = jdbc;
        this.tenants = tenants;
    }

    @QueryHandler
    InvitationView byTokenHash(FindInvitationByTokenHash query) {
        if (query.tokenHash() == null || !HASH.matcher(query.tokenHash()).matches()) {
            return null;
        }
        return tenants.schemaFor(query.organisationId()).flatMap(s -> jdbc.query(invitationSql(s)
                + "c.token_hashes @> ARRAY[?::text]", INVITATION, query.tokenHash()).stream().findFirst()).orElse(null);
    }

    @QueryHandler
    InvitationView byId(FindInvitation query) {
        return tenants.schemaFor(query.organisationId()).flatMap(s -> jdbc.query(invitationSql(s)
                + "c.invitation_id = ?", INVITATION, query.invitationId().value()).stream().findFirst()).orElse(null);
    }

    @QueryHandler
    List<NominationView> nominationsOf(FindNominationsOf query) {
        return tenants.schemaFor(query.organisationId())
                .map(s -> jdbc.query("SELECT nominee_id, nominee_name, nominee_email, reason, round_number, "
                                + "nominated_at FROM " + s + ".nomination WHERE campaign_id = ? AND nominator_id = ? "
                                + "ORDER BY list_position, nominated_at, lower(nominee_name), nominee_email",
                        NOMINATION, query.campaignId().value(), query.nominatorId().value()))
                .orElse(List.of());
    }

    private static String invitationSql(String s) {
        return "SELECT c.invitation_id, c.campaign_id, c.round_id, c.round_number, c.person_id, c.name, c.email, "
                + "c.verified_at, c.responded_at, c.revised_at, r.status AS round_status, r.deadline, "
                + "k.name AS campaign_name, k.description, k.invitation_text FROM " + s + ".contact c "
                + "JOIN " + s + ".round r ON r.round_id = c.round_id "
                + "JOIN " + s + ".campaign k ON k.campaign_id = c.campaign_id WHERE ";
    }

    private static final RowMapper<InvitationView> INVITATION = (rs, n) -> new InvitationView(
            new InvitationId(uuid(rs, "invitation_id")), new CampaignId(uuid(rs, "campaign_id")),
            rs.getString("campaign_name"), rs.getString("description"), rs.getString("invitation_text"),
            new RoundId(uuid(rs, "round_id")), rs.getInt("round_number"), rs.getString("round_status"),
            instant(rs, "deadline"), new PersonId(uuid(rs, "person_id")), rs.getString("name"), rs.getString("email"),
            instant(rs, "verified_at"), instant(rs, "responded_at"), instant(rs, "revised_at"));

    private static final RowMapper<NominationView> NOMINATION = (rs, n) -> new NominationView(
            new PersonId(uuid(rs, "nominee_id")), rs.getString("nominee_name"), rs.getString("nominee_email"),
            rs.getString("reason"), rs.getInt("round_number"), instant(rs, "nominated_at"));
}
