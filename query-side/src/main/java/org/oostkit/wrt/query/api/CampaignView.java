package org.oostkit.wrt.query.api;

import org.oostkit.wrt.api.campaign.CampaignId;

import java.time.Instant;

/** A campaign with its settings and key numbers. {@code openRound} is null when no round is open. */
public record CampaignView(CampaignId campaignId,
                           String name,
                           String description,
                           String invitationText,
                           int convergenceThreshold,
                           int defaultRoundDays,
                           boolean reminderEnabled,
                           int reminderDaysBefore,
                           String status,
                           Instant createdAt,
                           Instant completedAt,
                           int people,
                           int seedPeople,
                           int nominatedPeople,
                           int notYetContacted,
                           int rounds,
                           Integer openRound,
                           int contacted,
                           int responded,
                           double responseRate,
                           int nominations,
                           int aboveThreshold) {

    public boolean completed() {
        return "COMPLETED".equals(status);
    }
}
