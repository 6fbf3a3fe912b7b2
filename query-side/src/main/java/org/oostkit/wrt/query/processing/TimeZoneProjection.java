package org.oostkit.wrt.query.processing;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.oostkit.wrt.api.campaign.CampaignErased;
import org.oostkit.wrt.api.campaign.CampaignTimeZoneChanged;
import org.oostkit.wrt.api.organisation.OrganisationTimeZoneChanged;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The organisations' and campaigns' zones, in the registry's group so that a zone follows its registration row. */
@Component
@ProcessingGroup(ReadModels.TENANT_REGISTRY)
class TimeZoneProjection {

    private final JdbcTemplate jdbc;

    TimeZoneProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OrganisationTimeZoneChanged event) {
        jdbc.update("UPDATE tenant SET time_zone = ? WHERE organisation_id = ?", event.timeZone(),
                event.organisationId().value());
    }

    @EventHandler
    void on(CampaignTimeZoneChanged event) {
        if (event.timeZone() == null) {
            jdbc.update("DELETE FROM campaign_time_zone WHERE campaign_id = ?", event.campaignId().value());
        } else {
            jdbc.update("""
                    INSERT INTO campaign_time_zone (campaign_id, organisation_id, time_zone) VALUES (?, ?, ?)
                    ON CONFLICT (campaign_id) DO UPDATE SET time_zone = EXCLUDED.time_zone
                    """, event.campaignId().value(), event.organisationId().value(), event.timeZone());
        }
    }

    @EventHandler
    void on(CampaignErased event) {
        jdbc.update("DELETE FROM campaign_time_zone WHERE campaign_id = ?", event.campaignId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM campaign_time_zone");
    }
}
