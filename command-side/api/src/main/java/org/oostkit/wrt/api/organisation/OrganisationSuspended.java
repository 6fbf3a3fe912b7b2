package org.oostkit.wrt.api.organisation;

import org.axonframework.serialization.Revision;

/** The organisation was suspended: no rounds start and no mail is sent until it is activated. */
@Revision("1")
public record OrganisationSuspended(
    OrganisationId organisationId,
    String reason) implements OrganisationEvent {
}
