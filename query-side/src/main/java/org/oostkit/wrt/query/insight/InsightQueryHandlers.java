package org.oostkit.wrt.query.insight;

import org.axonframework.queryhandling.QueryHandler;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.query.api.InsightQueries.FindNetworkInsight;
import org.oostkit.wrt.query.api.NetworkInsightView;
import org.oostkit.wrt.query.api.ReferralGraphView;
import org.oostkit.wrt.query.tenant.TenantDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Answers the network insight from the tenant's person and nomination rows: the same people and links as
 * the referral graph query, read without sorting (the analysis orders them itself) and with the threshold
 * alone instead of the campaign summary's counts.
 */
@Component
class InsightQueryHandlers {

    private final JdbcTemplate jdbc;
    private final TenantDirectory tenants;

    InsightQueryHandlers(JdbcTemplate jdbc, TenantDirectory tenants) {
        this.jdbc = jdbc;
        this.tenants = tenants;
    }

    @QueryHandler
    NetworkInsightView handle(FindNetworkInsight query) {
        Optional<String> schema = tenants.schemaFor(query.organisationId());
        if (schema.isEmpty()) {
            return NetworkInsightView.EMPTY;
        }
        String s = schema.get();
        UUID campaign = query.campaignId().value();
        List<Integer> threshold = jdbc.queryForList("SELECT convergence_threshold FROM " + s + ".campaign "
                + "WHERE campaign_id = ?", Integer.class, campaign);
        if (threshold.isEmpty()) {
            return NetworkInsightView.EMPTY;
        }
        List<ReferralGraphView.Node> nodes = jdbc.query("SELECT person_id, name, source, nominator_count, "
                        + "contacted_round FROM " + s + ".person WHERE campaign_id = ? AND (in_roster OR nominator_count > 0)",
                (rs, n) -> new ReferralGraphView.Node(new PersonId(rs.getObject(1, UUID.class)), rs.getString(2),
                        rs.getString(3), rs.getInt(4), (Integer) rs.getObject(5)), campaign);
        List<ReferralGraphView.Edge> edges = jdbc.query("SELECT nominator_id, nominee_id, round_number FROM " + s
                        + ".nomination WHERE campaign_id = ?",
                (rs, n) -> new ReferralGraphView.Edge(new PersonId(rs.getObject(1, UUID.class)),
                        new PersonId(rs.getObject(2, UUID.class)), rs.getInt(3)), campaign);
        return NetworkInsight.analyse(new ReferralGraphView(nodes, edges), threshold.get(0));
    }
}
