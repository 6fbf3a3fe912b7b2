package org.oostkit.wrt.query.projection;

import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.invitation.DeliveryRecorded;
import org.oostkit.wrt.api.invitation.InvitationLinkOpened;
import org.oostkit.wrt.api.invitation.InvitationResendRequested;
import org.oostkit.wrt.api.invitation.InvitationTokenIssued;
import org.oostkit.wrt.api.invitation.MailFailed;
import org.oostkit.wrt.api.invitation.MailOutcomeUncertain;
import org.oostkit.wrt.api.invitation.MailPurpose;
import org.oostkit.wrt.api.invitation.MailSent;
import org.oostkit.wrt.api.invitation.NominatorVerified;
import org.oostkit.wrt.api.invitation.VerificationCodeIssued;
import org.oostkit.wrt.api.round.ReminderDue;
import org.oostkit.wrt.api.round.RoundClosed;
import org.oostkit.wrt.api.round.RoundExtended;
import org.oostkit.wrt.api.round.RoundStarted;
import org.oostkit.wrt.query.api.ContactView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.oostkit.wrt.query.projection.Row.first;

/**
 * Rounds ({@code round}) and the contact timeline ({@code contact}). A timeline column keeps the first
 * moment of its step; the delivery status follows the order of sending, failing and the provider's news.
 */
final class RoundRules {

    static final Set<Class<?>> EVENTS = Set.of(RoundStarted.class, RoundExtended.class, ReminderDue.class,
            RoundClosed.class, ContactInvited.class, MailSent.class, MailFailed.class, MailOutcomeUncertain.class,
            InvitationResendRequested.class, DeliveryRecorded.class, InvitationTokenIssued.class,
            InvitationLinkOpened.class, VerificationCodeIssued.class, NominatorVerified.class);

    private static final Set<String> NOT_SENT = Set.of("PENDING", "FAILED", "UNCERTAIN");

    private RoundRules() {
    }

    static boolean apply(Object event, Instant at, ReadTables t) {
        if (event instanceof RoundStarted e) {
            if (t.round(e.roundId().value()) == null) {
                RoundRow row = new RoundRow(e.roundId().value(), e.campaignId().value(), e.roundNumber(), at,
                        e.invitationCount());
                row.deadline = e.deadline();
                row.reminderAt = e.reminderAt();
                t.save(row);
            }
            return true;
        }
        if (event instanceof RoundExtended e) {
            return t.change(t.round(e.roundId().value()), row -> {
                row.deadline = e.deadline();
                row.reminderAt = e.reminderAt();
            });
        }
        if (event instanceof ReminderDue e) {
            return t.change(t.round(e.roundId().value()), row -> row.reminderSentAt = first(row.reminderSentAt, at));
        }
        if (event instanceof RoundClosed e) {
            return t.change(t.round(e.roundId().value()), row -> {
                row.status = "CLOSED";
                row.closedAt = first(row.closedAt, at);
                row.closeReason = e.reason().name();
            });
        }
        if (event instanceof ContactInvited e) {
            if (t.contact(e.invitationId().value()) == null) {
                ContactRow row = new ContactRow(e.invitationId().value(), e.campaignId().value(), e.roundId().value(),
                        e.roundNumber(), e.personId().value(), at);
                row.name = e.name();
                row.email = e.email();
                t.save(row);
            }
            return true;
        }
        if (event instanceof MailSent e) {
            return t.change(t.contact(e.invitationId().value()), row -> {
                if (e.purpose().reminder()) {
                    row.remindedAt = first(row.remindedAt, at);
                } else {
                    row.sentAt = first(row.sentAt, at);
                    row.failureReason = null;
                    row.status = NOT_SENT.contains(row.status) ? "SENT" : row.status;
                }
            });
        }
        if (event instanceof MailFailed e) {
            return e.purpose() != MailPurpose.INVITATION || t.change(t.contact(e.invitationId().value()), row -> {
                row.failedAt = at;
                row.failureReason = e.reason();
                row.status = row.status.equals("PENDING") || row.status.equals("UNCERTAIN") ? "FAILED" : row.status;
            });
        }
        if (event instanceof MailOutcomeUncertain e) {
            // listed for the admin as "not sure this mail went out", with the choice to send it again
            return e.purpose() != MailPurpose.INVITATION || t.change(t.contact(e.invitationId().value()), row -> {
                row.failedAt = at;
                row.failureReason = ContactView.UNCERTAIN_REASON;
                row.status = row.status.equals("PENDING") ? "UNCERTAIN" : row.status;
            });
        }
        if (event instanceof InvitationResendRequested e) {
            // on its way again: pending as a new invitation is, until the new mail's outcome is known
            return t.change(t.contact(e.invitationId().value()), row -> {
                if (row.status.equals("FAILED") || row.status.equals("UNCERTAIN")) {
                    row.failedAt = null;
                    row.failureReason = null;
                    row.status = "PENDING";
                }
            });
        }
        if (event instanceof DeliveryRecorded e) {
            return t.change(t.contact(e.invitationId().value()), row -> {
                Instant when = e.occurredAt();
                switch (e.kind()) {
                    case SOFT_BOUNCED -> { } // passing news (the provider tries again): the status only
                    case DELIVERED -> row.deliveredAt = first(row.deliveredAt, when);
                    case OPENED -> row.openedAt = first(row.openedAt, when);
                    case CLICKED -> row.clickedAt = first(row.clickedAt, when);
                    case BOUNCED -> row.bouncedAt = first(row.bouncedAt, when);
                    case SPAM_COMPLAINT -> row.spamAt = first(row.spamAt, when);
                }
                row.status = e.status().name();
            });
        }
        if (event instanceof InvitationTokenIssued e) {
            // every link stays valid until the round closes (people often tap the first mail after a reminder)
            return t.change(t.contact(e.invitationId().value()), row -> {
                row.tokenHash = e.tokenHash();
                if (!row.tokenHashes.contains(e.tokenHash())) {
                    List<String> more = new ArrayList<>(row.tokenHashes);
                    more.add(e.tokenHash());
                    row.tokenHashes = List.copyOf(more);
                }
            });
        }
        if (event instanceof InvitationLinkOpened e) {
            return t.change(t.contact(e.invitationId().value()), row -> row.linkOpenedAt = first(row.linkOpenedAt, at));
        }
        if (event instanceof VerificationCodeIssued e) {
            return t.change(t.contact(e.invitationId().value()), row -> row.codeSentAt = first(row.codeSentAt, at));
        }
        if (event instanceof NominatorVerified e) {
            return t.change(t.contact(e.invitationId().value()), row -> row.verifiedAt = first(row.verifiedAt, at));
        }
        return false;
    }
}
