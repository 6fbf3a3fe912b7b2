package org.oostkit.wrt.api.organisation;

import org.axonframework.serialization.Revision;

/**
 * The organisation's time zone was set (at registration) or changed: deadlines of its campaigns are entered
 * and shown in it unless a campaign has its own. {@code timeZone} is an IANA id such as {@code Europe/Amsterdam}.
 */
@Revision("1")
public record OrganisationTimeZoneChanged(
    OrganisationId organisationId,
    String timeZone) implements OrganisationEvent {
}
