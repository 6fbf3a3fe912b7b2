package org.oostkit.wrt.query.projection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code contact}: one invitation, with its delivery status and the first moment of every step. */
public final class ContactRow implements Row {

    public static final Table<ContactRow> TABLE = new Table<>("contact", 1,
            "invitation_id", "campaign_id", "round_id", "round_number", "person_id", "name", "email", "delivery_status",
            "invited_at", "sent_at", "failed_at", "failure_reason", "delivered_at", "opened_at", "clicked_at",
            "bounced_at", "spam_at", "link_opened_at", "code_sent_at", "verified_at", "responded_at", "revised_at",
            "reminded_at", "nominee_count", "token_hash", "token_hashes");

    public final UUID invitationId;
    public final UUID campaignId;
    public final UUID roundId;
    public final int roundNumber;
    public final UUID personId;
    public final Instant invitedAt;
    public String name;
    public String email;
    public String status = "PENDING";
    public Instant sentAt;
    public Instant failedAt;
    public String failureReason;
    public Instant deliveredAt;
    public Instant openedAt;
    public Instant clickedAt;
    public Instant bouncedAt;
    public Instant spamAt;
    public Instant linkOpenedAt;
    public Instant codeSentAt;
    public Instant verifiedAt;
    public Instant respondedAt;
    public Instant revisedAt;
    public Instant remindedAt;
    public int nomineeCount;
    /** The newest link's hash, and every link's in the order issued. */
    public String tokenHash;
    public List<String> tokenHashes = List.of();

    public ContactRow(UUID invitationId, UUID campaignId, UUID roundId, int roundNumber, UUID personId,
                      Instant invitedAt) {
        this.invitationId = invitationId;
        this.campaignId = campaignId;
        this.roundId = roundId;
        this.roundNumber = roundNumber;
        this.personId = personId;
        this.invitedAt = invitedAt;
    }

    @Override
    public List<Object> key() {
        return List.of(invitationId);
    }

    @Override
    public Table<ContactRow> table() {
        return TABLE;
    }

    @Override
    public Object[] values() {
        return new Object[]{invitationId, campaignId, roundId, roundNumber, personId, name, email, status, invitedAt,
                sentAt, failedAt, failureReason, deliveredAt, openedAt, clickedAt, bouncedAt, spamAt, linkOpenedAt,
                codeSentAt, verifiedAt, respondedAt, revisedAt, remindedAt, nomineeCount, tokenHash,
                tokenHashes.toArray(String[]::new)};
    }
}
