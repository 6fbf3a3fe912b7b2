package org.oostkit.wrt.api.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Commands on the Organisation aggregate. */
public final class OrganisationCommands {

    private OrganisationCommands() {
    }

    /** Registers a new organisation; its slug must be free and well-formed. */
    public record RegisterOrganisation(@TargetAggregateIdentifier OrganisationId organisationId,
                                       String slug,
                                       String name,
                                       List<String> adminEmails,
                                       List<String> auditorEmails) {
    }

    /** Replaces who may administer and audit the organisation. */
    public record ChangeOrganisationMembers(@TargetAggregateIdentifier OrganisationId organisationId,
                                            List<String> adminEmails,
                                            List<String> auditorEmails) {
    }

    public record SuspendOrganisation(@TargetAggregateIdentifier OrganisationId organisationId, String reason) {
    }

    public record ActivateOrganisation(@TargetAggregateIdentifier OrganisationId organisationId) {
    }

    public record DeactivateOrganisation(@TargetAggregateIdentifier OrganisationId organisationId) {
    }
}
