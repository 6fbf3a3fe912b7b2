package org.oostkit.wrt.api.invitation;

/**
 * Why a mail was sent; each purpose is sent at most once per invitation. {@code SELECTION} ("you have been
 * selected") is about a shortlisted person, not an invitation: its outbox row is keyed by the person's id.
 */
public enum MailPurpose {
    INVITATION,
    REMINDER,
    SELECTION
}
