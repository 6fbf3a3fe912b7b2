package org.oostkit.wrt.api.invitation;

/**
 * Why a mail about an invitation was sent. The invitation and the deadline's reminder are sent at most once per
 * invitation; {@link #RESEND} and {@link #REMINDER_NOW} follow an admin's decision and may be sent again on a
 * later decision (each mail is recorded once, by its message id).
 */
public enum MailPurpose {
    INVITATION, REMINDER, RESEND, REMINDER_NOW;

    /** Whether an admin's decision can send this purpose again. */
    public boolean repeatable() {
        return this == RESEND || this == REMINDER_NOW;
    }

    /** Whether the mail is worded as a reminder. */
    public boolean reminder() {
        return this == REMINDER || this == REMINDER_NOW;
    }
}
