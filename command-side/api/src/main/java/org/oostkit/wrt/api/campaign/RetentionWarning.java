package org.oostkit.wrt.api.campaign;

import java.time.Duration;

/** The warnings before a campaign is erased by retention. */
public enum RetentionWarning {
    THIRTY_DAYS(Duration.ofDays(30)),
    SEVEN_DAYS(Duration.ofDays(7));

    private final Duration ahead;

    RetentionWarning(Duration ahead) {
        this.ahead = ahead;
    }

    /** How long before the erasure this warning is due. */
    public Duration ahead() {
        return ahead;
    }
}
