package org.oostkit.wrt.query.api;

import java.time.ZoneId;

/**
 * The zone in which a campaign's times are entered and shown ({@code zone}), with where it comes from: the
 * organisation's zone (the configured default when it has none) and the campaign's own (null when it follows
 * the organisation).
 */
public record TimeZoneView(ZoneId zone, ZoneId organisationZone, ZoneId campaignZone) {

    public boolean campaignOverrides() {
        return campaignZone != null;
    }
}
