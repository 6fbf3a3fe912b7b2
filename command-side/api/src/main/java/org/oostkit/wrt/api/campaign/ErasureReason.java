package org.oostkit.wrt.api.campaign;

/** Why personal data was erased. */
public enum ErasureReason {
    /** An organisation admin asked for it (for a campaign, or for one person on that person's request). */
    ON_REQUEST,
    /** The retention period after the campaign's completion ran out. */
    RETENTION_EXPIRED
}
