package org.oostkit.wrt.api.invitation;

/** The answer to a code entered by a nominator. */
public enum VerificationOutcome {
    /** The code was right: the nominator may open the form. */
    VERIFIED,
    /** The code was wrong; more attempts remain. */
    WRONG_CODE,
    /** The code was wrong too often; a new code must be requested. */
    LOCKED,
    /** The code is older than its validity; a new code must be requested. */
    EXPIRED,
    /** The code is one we sent earlier, but a newer one replaced it; costs no attempt. */
    SUPERSEDED,
    /** The code was right but has been used already (codes are single use). */
    USED,
    /** No code was requested (or it was never sent). */
    NO_CODE
}
