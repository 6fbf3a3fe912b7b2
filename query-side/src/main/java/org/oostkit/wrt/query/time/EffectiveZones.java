package org.oostkit.wrt.query.time;

import org.axonframework.queryhandling.QueryHandler;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.common.TimeZones;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.api.TimeZoneQueries.FindTimeZone;
import org.oostkit.wrt.query.api.TimeZoneView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.util.List;

/**
 * The zone in which an organisation's or a campaign's times are stated: the campaign's own, else the
 * organisation's, else the configured default ({@code wrt.time-zone}), which is also what organisations
 * registered before zones existed read as.
 */
@Component
public class EffectiveZones {

    private final JdbcTemplate jdbc;
    private final ZoneId defaultZone;

    EffectiveZones(JdbcTemplate jdbc, @Value("${wrt.time-zone:UTC}") String defaultZone) {
        this.jdbc = jdbc;
        this.defaultZone = TimeZones.require(defaultZone);
    }

    /** The configured default zone. */
    public ZoneId defaultZone() {
        return defaultZone;
    }

    /** A stored zone id, or the default for none. */
    public ZoneId orDefault(String zoneId) {
        return zoneId == null ? defaultZone : ZoneId.of(zoneId);
    }

    /** The zones of the campaign (null: of the organisation alone). */
    public TimeZoneView find(OrganisationId organisation, CampaignId campaign) {
        List<String> own = jdbc.queryForList("SELECT time_zone FROM tenant WHERE organisation_id = ?", String.class,
                organisation.value());
        ZoneId organisationZone = orDefault(own.isEmpty() ? null : own.get(0));
        ZoneId campaignZone = campaign == null ? null : jdbc.queryForList(
                "SELECT time_zone FROM campaign_time_zone WHERE organisation_id = ? AND campaign_id = ?",
                String.class, organisation.value(), campaign.value()).stream().findFirst().map(ZoneId::of).orElse(null);
        return new TimeZoneView(campaignZone == null ? organisationZone : campaignZone, organisationZone, campaignZone);
    }

    /** The zone the campaign's times are stated in. */
    public ZoneId of(OrganisationId organisation, CampaignId campaign) {
        return find(organisation, campaign).zone();
    }

    @QueryHandler
    TimeZoneView handle(FindTimeZone query) {
        return find(query.organisationId(), query.campaignId());
    }
}
