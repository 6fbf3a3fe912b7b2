package org.oostkit.wrt.api.common;

import java.util.Locale;

/**
 * Every business rule a command can break, named once: the aggregates throw {@link RuleViolation} with one, the
 * web switches on it to put the message next to the right field.
 */
public enum Rule {
    ADMIN_REQUIRED,
    ALREADY_CONTACTED,
    ALREADY_IN_CAMPAIGN,
    ALREADY_SHORTLISTED,
    BATCH_TOO_LARGE,
    CAMPAIGN_COMPLETED,
    CAMPAIGN_ERASED,
    CAMPAIGN_NOT_COMPLETED,
    CODE_LIMIT_REACHED,
    CONTACT_EMAIL_INVALID,
    CONTACT_EMAIL_MISSING,
    CONTACT_NAME_INVALID,
    DEADLINE_IN_PAST,
    DEADLINE_NOT_LATER,
    DEADLINE_TOO_FAR,
    DELIVERY_INVALID,
    DESCRIPTION_INVALID,
    EMAIL_INVALID,
    EMAIL_MISMATCH,
    INVITATION_ON_ITS_WAY,
    INVITATION_TEXT_INVALID,
    LANGUAGE_UNSUPPORTED,
    LOGO_HASH_INVALID,
    MAIL_NOT_IN_DOUBT,
    MESSAGE_INVALID,
    NAME_INVALID,
    NO_ONE_WITH_PEOPLE,
    NOBODY_TO_CONTACT,
    NOBODY_TO_TELL,
    NOMINATION_ID_INVALID,
    NOMINEE_INVALID,
    NOMINEES_EMPTY,
    NOT_FOUND,
    NOT_SHORTLISTED,
    NOT_VERIFIED,
    NOTE_INVALID,
    ORGANISATION_INACTIVE,
    ORGANISATION_SUSPENDED,
    PERSON_ERASED,
    PERSON_INVALID,
    REASON_INVALID,
    REMINDER_IN_PAST,
    REMINDER_INVALID,
    REPLAY_RUNNING,
    REPLY_TO_INVALID,
    RETENTION_INVALID,
    ROUND_CLOSED,
    ROUND_DAYS_INVALID,
    ROUND_OPEN,
    SELF_NOMINATION,
    SENDER_NAME_INVALID,
    SETTINGS_MISSING,
    SHORTLIST_CLOSED,
    SHORTLIST_EMPTY,
    SLUG_INVALID,
    SLUG_TAKEN,
    THRESHOLD_INVALID,
    TIME_ZONE_INVALID,
    TOKEN_HASH_INVALID,
    TOO_MANY_CODES,
    TOO_MANY_MEMBERS,
    TOO_MANY_NOMINEES;

    /** The stable, machine-readable code (for problem answers, logs and the audit): the name in kebab case. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
