package org.oostkit.wrt.adapters.mail;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The outbox table: one row per (invitation, purpose). Every state change is a conditional single-row
 * update, so two instances (or a restarted one) never both hand the same row to SMTP: only the holder of a
 * claim may move it to {@code sending}, and only a {@code sending} row is ever handed over.
 */
@Component
class MailOutbox {

    /** A finished row whose outcome has not been recorded on the invitation (or campaign) yet. */
    record Unrecorded(UUID invitationId, String purpose, UUID organisationId, UUID campaignId, String status,
                      String providerMessageId, String lastError, String tokenHash) {
    }

    private final JdbcTemplate jdbc;

    MailOutbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims up to {@code limit} due rows for this instance and answers them with their mail's content.
     * Rows whose organisation, campaign or round is not known yet (their events are still being handled)
     * wait; mail about a closed round is never claimed.
     */
    List<OutboxRow> claim(String instance, int limit) {
        return jdbc.query("""
                WITH due AS (
                    SELECT o.invitation_id, o.purpose
                    FROM mail_outbox o
                    LEFT JOIN mail_round r ON r.round_id = o.round_id
                    WHERE o.status = 'pending' AND o.next_attempt_at <= now()
                      AND (o.round_id IS NULL OR r.round_id IS NOT NULL AND r.closed_at IS NULL)
                      AND EXISTS (SELECT 1 FROM mail_campaign c WHERE c.campaign_id = o.campaign_id)
                      AND EXISTS (SELECT 1 FROM mail_organisation g WHERE g.organisation_id = o.organisation_id)
                    ORDER BY o.next_attempt_at
                    LIMIT ?
                    FOR UPDATE OF o SKIP LOCKED),
                claimed AS (
                    UPDATE mail_outbox o SET status = 'claimed', claimed_by = ?, claimed_at = now()
                    FROM due WHERE o.invitation_id = due.invitation_id AND o.purpose = due.purpose
                    RETURNING o.*)
                SELECT c.invitation_id, c.purpose, c.organisation_id, c.campaign_id, c.attempts,
                       p.email, p.name, g.slug, g.name AS organisation_name, k.name AS campaign_name,
                       k.invitation_text, r.deadline, COALESCE(k.time_zone, g.time_zone) AS time_zone,
                       k.sender_name, k.reply_to, k.contact_name, k.contact_email, k.language
                FROM claimed c
                JOIN mail_recipient p ON p.invitation_id = c.invitation_id
                LEFT JOIN mail_round r ON r.round_id = c.round_id
                JOIN mail_campaign k ON k.campaign_id = c.campaign_id
                JOIN mail_organisation g ON g.organisation_id = c.organisation_id
                """, (rs, i) -> new OutboxRow(rs.getObject("invitation_id", UUID.class), rs.getString("purpose"),
                        rs.getObject("organisation_id", UUID.class), rs.getObject("campaign_id", UUID.class),
                        rs.getInt("attempts"), rs.getString("email"), rs.getString("name"), rs.getString("slug"),
                        rs.getString("organisation_name"), rs.getString("campaign_name"),
                        rs.getString("invitation_text"),
                        rs.getTimestamp("deadline") == null ? null : rs.getTimestamp("deadline").toInstant(),
                        rs.getString("time_zone"), CampaignSenders.sender(rs), rs.getString("language")),
                limit, instance);
    }

    /**
     * The point of no return: true if this instance still holds the claim and the address is not suppressed
     * in the organisation (checked in the same statement), so the mail may now be handed over, carrying the
     * link token whose keyed hash is {@code tokenHash}.
     */
    boolean startSending(OutboxRow row, String instance, String tokenHash) {
        return jdbc.update("""
                UPDATE mail_outbox o SET status = 'sending', claimed_at = now(), attempts = attempts + 1,
                    token_hash = ?
                WHERE invitation_id = ? AND purpose = ? AND status = 'claimed' AND claimed_by = ?
                  AND NOT EXISTS (SELECT 1 FROM mail_suppression s
                                  WHERE s.organisation_id = o.organisation_id AND s.email = ?)
                """, tokenHash, row.invitationId(), row.purpose(), instance, row.email()) == 1;
    }

    /** Gives a claimed row back untouched (shutting down, or its address became suppressed). */
    void release(OutboxRow row, String instance) {
        jdbc.update("""
                UPDATE mail_outbox SET status = 'pending', claimed_by = NULL, claimed_at = NULL
                WHERE invitation_id = ? AND purpose = ? AND status = 'claimed' AND claimed_by = ?
                """, row.invitationId(), row.purpose(), instance);
    }

    /**
     * The server accepted the mail: written right after it did, before the invitation is told (the outcome is
     * then recorded from this row, by the sender or else by the housekeeping), so that an instance stopping
     * in between leaves a sent row rather than an uncertain one.
     */
    void sent(OutboxRow row, String messageId) {
        // also from 'uncertain': a very slow send may finish after its lease was taken for dead
        jdbc.update("""
                UPDATE mail_outbox SET status = 'sent', provider_message_id = ?, finished_at = now(),
                    last_error = NULL, recorded = FALSE
                WHERE invitation_id = ? AND purpose = ? AND status IN ('sending', 'uncertain')
                """, messageId, row.invitationId(), row.purpose());
    }

    /**
     * A temporary failure: back to the queue, due again after {@code wait}; also from {@code uncertain} (a slow
     * send taken for dead that then failed for sure: nothing went out).
     */
    void retryLater(OutboxRow row, String reason, Duration wait) {
        jdbc.update("""
                UPDATE mail_outbox SET status = 'pending', claimed_by = NULL, claimed_at = NULL, last_error = ?,
                    next_attempt_at = now() + ? * interval '1 millisecond', token_hash = NULL, recorded = FALSE,
                    finished_at = NULL
                WHERE invitation_id = ? AND purpose = ? AND status IN ('sending', 'uncertain')
                """, reason, wait.toMillis(), row.invitationId(), row.purpose());
    }

    /** Given up: a permanent failure, or the attempts ran out (also from {@code uncertain}, see retryLater). */
    void failed(OutboxRow row, String reason) {
        jdbc.update("""
                UPDATE mail_outbox SET status = 'failed', last_error = ?, finished_at = now(), recorded = FALSE,
                    token_hash = NULL
                WHERE invitation_id = ? AND purpose = ? AND status IN ('sending', 'claimed', 'uncertain')
                """, reason, row.invitationId(), row.purpose());
    }

    /** The address is suppressed in its organisation: the row, still claimed by this instance, ends without a mail. */
    boolean suppressed(OutboxRow row, String instance, String reason) {
        return jdbc.update("""
                UPDATE mail_outbox SET status = 'suppressed', last_error = ?, finished_at = now(), recorded = FALSE
                WHERE invitation_id = ? AND purpose = ? AND status = 'claimed' AND claimed_by = ?
                """, reason, row.invitationId(), row.purpose(), instance) == 1;
    }

    /**
     * Rows of instances taken for dead (their claim older than the lease): claimed rows were never handed
     * over and go back to the queue; sending rows may or may not have reached the server and become
     * {@code uncertain}, not sent again unless an admin decides to. Answers how many rows became uncertain.
     */
    int recoverAbandoned(Duration lease) {
        Timestamp before = Timestamp.from(Instant.now().minus(lease));
        jdbc.update("""
                UPDATE mail_outbox SET status = 'pending', claimed_by = NULL, claimed_at = NULL
                WHERE status = 'claimed' AND claimed_at < ?
                """, before);
        return jdbc.update("""
                UPDATE mail_outbox SET status = 'uncertain', finished_at = now(), recorded = FALSE,
                    last_error = 'the sending instance stopped while handing this mail to the server; it may or may not have arrived'
                WHERE status = 'sending' AND claimed_at < ?
                """, before);
    }

    /** Releases every row this instance claimed but did not start (on shutdown). */
    void releaseAll(String instance) {
        jdbc.update("""
                UPDATE mail_outbox SET status = 'pending', claimed_by = NULL, claimed_at = NULL
                WHERE status = 'claimed' AND claimed_by = ?
                """, instance);
    }

    /**
     * Finished rows whose outcome is not on their invitation yet and that finished more than {@code settled}
     * ago (younger ones are still being recorded by their sender), leased to the caller for {@code lease} in one
     * statement: the recording commands then run outside any transaction (a command must never join a
     * transaction that holds row locks and commits later), and another instance leaves the rows alone meanwhile.
     */
    List<Unrecorded> leaseUnrecorded(Duration settled, Duration lease, int limit) {
        return jdbc.query("""
                UPDATE mail_outbox o SET recording_at = now()
                FROM (SELECT invitation_id, purpose FROM mail_outbox
                      WHERE NOT recorded AND status IN ('sent', 'failed', 'uncertain', 'suppressed')
                        AND finished_at < now() - ? * interval '1 millisecond'
                        AND (recording_at IS NULL OR recording_at < now() - ? * interval '1 millisecond')
                      ORDER BY finished_at LIMIT ?
                      FOR UPDATE SKIP LOCKED) due
                WHERE o.invitation_id = due.invitation_id AND o.purpose = due.purpose
                RETURNING o.invitation_id, o.purpose, o.organisation_id, o.campaign_id, o.status,
                          o.provider_message_id, o.last_error, o.token_hash
                """, (rs, i) -> new Unrecorded(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)),
                settled.toMillis(), lease.toMillis(), limit);
    }

    void markRecorded(UUID invitationId, String purpose) {
        jdbc.update("UPDATE mail_outbox SET recorded = TRUE, token_hash = NULL WHERE invitation_id = ? AND purpose = ?",
                invitationId, purpose);
    }

    /** The admin's message of a selection mail (empty when none). */
    String selectionMessage(OutboxRow row) {
        List<String> messages = jdbc.queryForList(
                "SELECT message FROM mail_outbox WHERE invitation_id = ? AND purpose = ?", String.class,
                row.invitationId(), row.purpose());
        return messages.isEmpty() || messages.get(0) == null ? "" : messages.get(0);
    }

    /** Whether this organisation no longer mails the address. */
    String suppressionReason(UUID organisationId, String email) {
        List<String> reasons = jdbc.queryForList(
                "SELECT reason FROM mail_suppression WHERE organisation_id = ? AND email = ?", String.class,
                organisationId, email);
        return reasons.isEmpty() ? null : reasons.get(0);
    }
}
