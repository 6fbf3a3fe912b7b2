package org.oostkit.wrt.api.round;

import org.oostkit.wrt.api.organisation.OrganisationEvent;
import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.organisation.OrganisationId;

/**
 * The round's auto-close (and reminder, if any) were scheduled under these ids; extending or closing the
 * round cancels exactly these schedules. {@code reminderId} is null without a reminder.
 */
@Revision("1")
public record RoundDeadlinesScheduled(
    OrganisationId organisationId,
    RoundId roundId,
    String autoCloseId,
    String reminderId) implements OrganisationEvent {
}
