package org.oostkit.wrt.query.projection;

import org.oostkit.wrt.api.campaign.CampaignSettings;

import java.time.Instant;
import java.util.UUID;

/** {@code campaign}: settings, status and dates of one campaign. */
public final class CampaignRow implements Row {

    public static final Table<CampaignRow> TABLE = new Table<>("campaign", 1,
            "campaign_id", "name", "description", "invitation_text", "convergence_threshold", "default_round_days",
            "reminder_enabled", "reminder_days_before", "status", "created_at", "completed_at", "updated_at");

    public final UUID campaignId;
    public final Instant createdAt;
    public CampaignSettings settings;
    public String status = "ACTIVE";
    public Instant completedAt;
    public Instant updatedAt;

    public CampaignRow(UUID campaignId, Instant createdAt) {
        this.campaignId = campaignId;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    @Override
    public Table<CampaignRow> table() {
        return TABLE;
    }

    @Override
    public Object[] values() {
        CampaignSettings c = settings;
        return new Object[]{campaignId, c.name(), c.description(), c.invitationText(), c.convergenceThreshold(),
                c.defaultRoundDays(), c.reminderEnabled(), c.reminderDaysBefore(), status, createdAt, completedAt,
                updatedAt};
    }
}
