package org.oostkit.wrt.api.invitation;

/**
 * Why a mail was sent. The invitation and the deadline's reminder are sent at most once per invitation;
 * {@link #RESEND} and {@link #REMINDER_NOW} follow an admin's decision and may be sent again on a later decision
 * (each mail is recorded once, by its message id). {@link #SELECTION} ("you have been selected") is about a
 * shortlisted person, not an invitation: its outbox row is keyed by the person's id.
 */
public enum MailPurpose {
    INVITATION, REMINDER, RESEND, REMINDER_NOW, SELECTION;

    /** Whether an admin's decision can send this purpose again. */
    public boolean repeatable() {
        return this == RESEND || this == REMINDER_NOW;
    }

    /** Whether the mail is worded as a reminder. */
    public boolean reminder() {
        return this == REMINDER || this == REMINDER_NOW;
    }
}
