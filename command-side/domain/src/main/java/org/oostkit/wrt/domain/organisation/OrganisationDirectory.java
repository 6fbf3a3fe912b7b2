package org.oostkit.wrt.domain.organisation;

import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.organisation.OrganisationStatus;

import java.util.Optional;

/** Command-side lookup of organisations: which slugs are taken, and each organisation's status. */
public interface OrganisationDirectory {

    boolean slugTaken(String slug);

    Optional<OrganisationStatus> status(OrganisationId organisationId);

    default boolean isActive(OrganisationId organisationId) {
        return status(organisationId).filter(OrganisationStatus.ACTIVE::equals).isPresent();
    }
}
