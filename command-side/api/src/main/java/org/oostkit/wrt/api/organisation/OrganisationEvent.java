package org.oostkit.wrt.api.organisation;

/**
 * An event of one organisation. Tenant routing, sequencing and dead-letter reports read the organisation
 * through this type instead of looking for an accessor by name.
 */
public interface OrganisationEvent {

    OrganisationId organisationId();
}
