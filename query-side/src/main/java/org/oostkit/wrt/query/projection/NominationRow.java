package org.oostkit.wrt.query.projection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code nomination}: one edge of the referral graph, a nominator naming a nominee (and why). */
public final class NominationRow implements Row {

    public static final Table<NominationRow> TABLE = new Table<>("nomination", 3,
            "campaign_id", "nominator_id", "nominee_id", "round_id", "round_number", "invitation_id", "nominee_name",
            "nominee_email", "reason", "nominated_at", "list_position");

    public final UUID campaignId;
    public final UUID nominatorId;
    public final UUID nomineeId;
    /** When the nominator first named them (kept through revisions). */
    public final Instant nominatedAt;
    public UUID roundId;
    public int roundNumber;
    public UUID invitationId;
    public String nomineeName;
    public String nomineeEmail;
    public String reason;
    /** The place in the nominator's list, 1 for the first. */
    public int listPosition;

    public NominationRow(UUID campaignId, UUID nominatorId, UUID nomineeId, Instant nominatedAt) {
        this.campaignId = campaignId;
        this.nominatorId = nominatorId;
        this.nomineeId = nomineeId;
        this.nominatedAt = nominatedAt;
    }

    @Override
    public List<Object> key() {
        return List.of(campaignId, nominatorId, nomineeId);
    }

    @Override
    public Table<NominationRow> table() {
        return TABLE;
    }

    @Override
    public Object[] values() {
        return new Object[]{campaignId, nominatorId, nomineeId, roundId, roundNumber, invitationId, nomineeName,
                nomineeEmail, reason, nominatedAt, listPosition};
    }
}
