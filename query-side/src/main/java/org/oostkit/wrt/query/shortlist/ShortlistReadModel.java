package org.oostkit.wrt.query.shortlist;

import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.api.ShortlistView;
import org.oostkit.wrt.query.projection.ShortlistRules;
import org.oostkit.wrt.query.tenant.TenantDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads a tenant's shortlist, with names and addresses from the roster (erased there with the person). */
@Component
public class ShortlistReadModel {

    private final JdbcTemplate jdbc;
    private final TenantDirectory tenants;

    ShortlistReadModel(JdbcTemplate jdbc, TenantDirectory tenants) {
        this.jdbc = jdbc;
        this.tenants = tenants;
    }

    public static ShortlistRules.Choice choice(ResultSet rs) throws SQLException {
        return new ShortlistRules.Choice(rs.getObject("campaign_id", UUID.class), rs.getObject("person_id", UUID.class),
                rs.getTimestamp("chosen_at").toInstant(), rs.getString("chosen_by"), rs.getString("note"));
    }

    public static ShortlistRules.Mail mail(ResultSet rs) throws SQLException {
        java.sql.Timestamp finished = rs.getTimestamp("finished_at");
        return new ShortlistRules.Mail(rs.getObject("campaign_id", UUID.class), rs.getObject("person_id", UUID.class),
                rs.getTimestamp("asked_at").toInstant(),
                ShortlistView.SelectionMail.State.valueOf(rs.getString("state")),
                finished == null ? null : finished.toInstant(), rs.getString("reason"));
    }

    public ShortlistView shortlist(OrganisationId organisation, CampaignId campaign) {
        Optional<String> schema = tenants.schemaFor(organisation);
        if (schema.isEmpty()) {
            return ShortlistView.EMPTY;
        }
        String s = schema.get();
        ShortlistRules rules = new ShortlistRules();
        jdbc.query("SELECT * FROM " + s + ".shortlist_choice WHERE campaign_id = ?",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> rules.load(choice(rs)), campaign.value());
        jdbc.query("SELECT * FROM " + s + ".shortlist_state WHERE campaign_id = ?",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> rules.load(new ShortlistRules.Closed(
                        campaign.value(), rs.getTimestamp("closed_at").toInstant(), rs.getString("closed_by"),
                        rs.getInt("people"))), campaign.value());
        jdbc.query("SELECT * FROM " + s + ".shortlist_mail WHERE campaign_id = ?",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> rules.load(mail(rs)), campaign.value());
        return view(s, campaign, rules);
    }

    /** The rules' rows as a view, with names and addresses from the tenant's roster. */
    ShortlistView view(String s, CampaignId campaign, ShortlistRules rules) {
        List<ShortlistRules.Choice> choices = rules.choices(campaign.value());
        Map<UUID, String[]> people = new HashMap<>();
        if (!choices.isEmpty()) {
            UUID[] ids = choices.stream().map(ShortlistRules.Choice::person).toArray(UUID[]::new);
            jdbc.query(con -> {
                var statement = con.prepareStatement("SELECT person_id, name, email FROM " + s + ".person "
                        + "WHERE campaign_id = ? AND person_id = ANY(?)");
                statement.setObject(1, campaign.value());
                statement.setArray(2, con.createArrayOf("uuid", ids));
                return statement;
            }, (org.springframework.jdbc.core.RowCallbackHandler) rs -> people.put(rs.getObject(1, UUID.class),
                    new String[]{rs.getString(2), rs.getString(3)}));
        }
        List<ShortlistView.Entry> entries = choices.stream().map(c -> {
            String[] person = people.getOrDefault(c.person(), new String[]{"", ""});
            return new ShortlistView.Entry(new PersonId(c.person()), person[0], person[1], c.chosenAt(), c.chosenBy(),
                    c.note());
        }).toList();
        List<ShortlistView.SelectionMail> mails = rules.mails(campaign.value()).stream()
                .map(m -> new ShortlistView.SelectionMail(new PersonId(m.person()), m.askedAt(), m.state(), m.at(),
                        m.reason())).toList();
        return rules.closed(campaign.value())
                .map(c -> new ShortlistView(entries, c.closedAt(), c.closedBy(), mails))
                .orElse(new ShortlistView(entries, null, null, mails));
    }

    Optional<String> schema(OrganisationId organisation) {
        return tenants.schemaFor(organisation);
    }
}
