package org.oostkit.wrt.api.organisation;

import org.axonframework.serialization.Revision;

/**
 * The organisation's logo was uploaded, replaced or removed. The image itself is kept outside the event store;
 * {@code sha256} (lower-case hex of the stored PNG) says which one, and is null once the logo was removed.
 */
@Revision("1")
public record OrganisationLogoChanged(
    OrganisationId organisationId,
    String sha256) implements OrganisationEvent {
}
