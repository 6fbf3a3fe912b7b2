package org.oostkit.wrt.query.projection;

import org.oostkit.wrt.api.campaign.CampaignCompleted;
import org.oostkit.wrt.api.campaign.CampaignCreated;
import org.oostkit.wrt.api.campaign.CampaignDetailsChanged;
import org.oostkit.wrt.api.campaign.CampaignErased;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** The campaign summary ({@code campaign}); an erased campaign takes every row of every table with it. */
final class CampaignRules {

    static final Set<Class<?>> EVENTS = Set.of(CampaignCreated.class, CampaignDetailsChanged.class,
            CampaignCompleted.class, CampaignErased.class);

    private CampaignRules() {
    }

    static boolean apply(Object event, Instant at, ReadTables t) {
        if (event instanceof CampaignCreated e) {
            UUID id = e.campaignId().value();
            if (t.campaign(id) == null) {
                CampaignRow row = new CampaignRow(id, at);
                row.settings = e.settings();
                t.save(row);
            }
        } else if (event instanceof CampaignDetailsChanged e) {
            t.change(t.campaign(e.campaignId().value()), row -> {
                row.settings = e.settings();
                row.updatedAt = at;
            });
        } else if (event instanceof CampaignCompleted e) {
            t.change(t.campaign(e.campaignId().value()), row -> {
                row.status = "COMPLETED";
                row.completedAt = at;
                row.updatedAt = at;
            });
        } else if (event instanceof CampaignErased e) {
            // its names and addresses are unreadable anyway; its settings and counts go with them
            t.dropCampaign(e.campaignId().value());
        } else {
            return false;
        }
        return true;
    }
}
