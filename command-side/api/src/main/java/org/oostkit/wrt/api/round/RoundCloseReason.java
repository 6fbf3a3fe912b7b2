package org.oostkit.wrt.api.round;

/** Why a round closed. */
public enum RoundCloseReason {
    /** An admin closed it. */
    CLOSED_BY_ADMIN,
    /** Its deadline passed. */
    DEADLINE_PASSED
}
