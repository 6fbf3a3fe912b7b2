package org.oostkit.wrt.domain.round;

import java.time.Instant;

/**
 * Payload of the round's deadlines: the moment the deadline was planned for. A deadline that no longer
 * matches the round's plan (it was moved, or the round closed) is stale and ignored, so even a schedule
 * whose cancellation was lost does no harm.
 */
record RoundDeadline(Instant due) {
}
