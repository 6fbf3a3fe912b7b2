package org.oostkit.wrt.api.invitation;

/** Why a mail about an invitation was sent; each purpose is sent at most once per invitation. */
public enum MailPurpose {
    INVITATION, REMINDER
}
