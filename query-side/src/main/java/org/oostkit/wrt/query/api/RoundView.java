package org.oostkit.wrt.query.api;

import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.round.RoundId;

import java.time.Instant;

/** A round with its deadline, status and counts per delivery status. */
public record RoundView(RoundId roundId,
                        CampaignId campaignId,
                        int number,
                        String status,
                        Instant startedAt,
                        Instant deadline,
                        Instant reminderAt,
                        Instant reminderSentAt,
                        Instant closedAt,
                        String closeReason,
                        int contacted,
                        int sent,
                        int failed,
                        int delivered,
                        int opened,
                        int clicked,
                        int bounced,
                        int spamComplaints,
                        int linkOpened,
                        int verified,
                        int responded,
                        double responseRate) {

    public boolean open() {
        return "OPEN".equals(status);
    }
}
