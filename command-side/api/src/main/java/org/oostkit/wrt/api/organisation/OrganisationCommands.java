package org.oostkit.wrt.api.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Commands on the Organisation aggregate. */
public final class OrganisationCommands {

    private OrganisationCommands() {
    }

    /**
     * Registers a new organisation; its slug must be free and well-formed. {@code timeZone} is an IANA id, or
     * null for none of its own (it then reads as the configured default zone).
     */
    public record RegisterOrganisation(@TargetAggregateIdentifier OrganisationId organisationId,
                                       String slug,
                                       String name,
                                       List<String> adminEmails,
                                       List<String> auditorEmails,
                                       String timeZone) {

        /** Without a zone of its own. */
        public RegisterOrganisation(OrganisationId organisationId, String slug, String name, List<String> adminEmails,
                                    List<String> auditorEmails) {
            this(organisationId, slug, name, adminEmails, auditorEmails, null);
        }
    }

    /** Sets the zone in which the organisation's deadlines are entered and shown (an IANA id). */
    public record ChangeOrganisationTimeZone(@TargetAggregateIdentifier OrganisationId organisationId,
                                             String timeZone) {
    }

    /** Shows the stored logo with this SHA-256 (lower-case hex) on nominator pages and mails; null removes it. */
    public record ChangeOrganisationLogo(@TargetAggregateIdentifier OrganisationId organisationId, String sha256) {
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
