package org.oostkit.wrt.query.projection;

import java.time.Instant;
import java.util.UUID;

/** {@code round}: number, status, deadline, reminder and close reason of one round. */
public final class RoundRow implements Row {

    public static final Table<RoundRow> TABLE = new Table<>("round", 1,
            "round_id", "campaign_id", "round_number", "status", "started_at", "deadline", "reminder_at",
            "reminder_sent_at", "closed_at", "close_reason", "invitation_count");

    public final UUID roundId;
    public final UUID campaignId;
    public final int number;
    public final Instant startedAt;
    public final int invitationCount;
    public String status = "OPEN";
    public Instant deadline;
    public Instant reminderAt;
    public Instant reminderSentAt;
    public Instant closedAt;
    public String closeReason;

    public RoundRow(UUID roundId, UUID campaignId, int number, Instant startedAt, int invitationCount) {
        this.roundId = roundId;
        this.campaignId = campaignId;
        this.number = number;
        this.startedAt = startedAt;
        this.invitationCount = invitationCount;
    }

    @Override
    public Table<RoundRow> table() {
        return TABLE;
    }

    @Override
    public Object[] values() {
        return new Object[]{roundId, campaignId, number, status, startedAt, deadline, reminderAt, reminderSentAt,
                closedAt, closeReason, invitationCount};
    }
}
