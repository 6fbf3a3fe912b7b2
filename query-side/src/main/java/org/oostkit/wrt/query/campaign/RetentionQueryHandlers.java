package org.oostkit.wrt.query.campaign;

import org.axonframework.queryhandling.QueryHandler;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.api.RetentionQueries.CompletedCampaign;
import org.oostkit.wrt.query.api.RetentionQueries.FindCampaignsCompletedBefore;
import org.oostkit.wrt.query.tenant.TenantSchemas;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Completed campaigns across all tenants, for the retention job. */
@Component
class RetentionQueryHandlers {

    private final JdbcTemplate jdbc;

    RetentionQueryHandlers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    List<CompletedCampaign> handle(FindCampaignsCompletedBefore query) {
        List<CompletedCampaign> found = new ArrayList<>();
        List<Map<String, Object>> organisations = jdbc.queryForList(
                "SELECT t.organisation_id, t.slug, t.name, t.schema_name FROM tenant t "
                        + "JOIN pg_namespace n ON n.nspname = t.schema_name ORDER BY t.slug");
        for (Map<String, Object> organisation : organisations) {
            String schema = TenantSchemas.checked((String) organisation.get("schema_name"));
            OrganisationId id = new OrganisationId((UUID) organisation.get("organisation_id"));
            jdbc.query("SELECT campaign_id, name, completed_at FROM " + schema + ".campaign "
                            + "WHERE status = 'COMPLETED' AND completed_at < ? ORDER BY completed_at",
                    rs -> {
                        found.add(new CompletedCampaign(id, (String) organisation.get("slug"),
                                (String) organisation.get("name"), new CampaignId(rs.getObject(1, UUID.class)),
                                rs.getString(2), rs.getTimestamp(3).toInstant()));
                    }, Timestamp.from(query.before()));
        }
        found.sort(Comparator.comparing(CompletedCampaign::completedAt));
        return found;
    }
}
