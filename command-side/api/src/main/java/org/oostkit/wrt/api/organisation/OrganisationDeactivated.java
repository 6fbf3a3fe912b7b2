package org.oostkit.wrt.api.organisation;

import org.axonframework.serialization.Revision;

/** The organisation was made inactive (for example at the end of a contract). */
@Revision("1")
public record OrganisationDeactivated(
    OrganisationId organisationId) implements OrganisationEvent {
}
