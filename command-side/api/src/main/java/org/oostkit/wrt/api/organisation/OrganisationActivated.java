package org.oostkit.wrt.api.organisation;

import org.axonframework.serialization.Revision;

/** The organisation became active. */
@Revision("1")
public record OrganisationActivated(
    OrganisationId organisationId) implements OrganisationEvent {
}
