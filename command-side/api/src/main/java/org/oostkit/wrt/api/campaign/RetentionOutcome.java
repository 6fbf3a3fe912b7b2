package org.oostkit.wrt.api.campaign;

import java.time.Instant;

/**
 * The answer to {@link CampaignCommands.ApplyRetention}: what the campaign did. {@code warning} is set when a
 * warning was recorded (and must now be mailed), {@code erasureAt} is the erasure date announced or, when
 * nothing was due yet, expected.
 */
public record RetentionOutcome(Step step, RetentionWarning warning, Instant erasureAt) {

    public enum Step {
        /** Nothing is due yet (or the campaign is not completed). */
        NOTHING_DUE,
        /** A warning was recorded. */
        WARNED,
        /** The campaign was erased. */
        ERASED
    }
}
