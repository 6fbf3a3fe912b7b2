package org.oostkit.wrt.query.api;

/** Queries about organisations (tenants): who they are and who may sign in to them. */
public final class OrganisationQueries {

    private OrganisationQueries() {
    }

    /** The organisation with this slug; answers an {@link OrganisationView} or null. */
    public record FindOrganisationBySlug(String slug) {
    }

    /** Every organisation, by slug; answers a list of {@link OrganisationView}. */
    public record FindOrganisations() {
    }

    /** Where this (normalised) email is an admin or auditor; answers a list of {@link OrganisationView}. */
    public record FindOrganisationsOfMember(String email) {
    }
}
