package org.oostkit.wrt.query.api;

import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.organisation.OrganisationStatus;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * An organisation as registered, with the emails of its admins and auditors and the zone its times are stated in
 * (its own, or the configured default when it has none).
 */
public record OrganisationView(OrganisationId organisationId, String slug, String name, OrganisationStatus status,
                               List<String> adminEmails, List<String> auditorEmails, Instant registeredAt,
                               ZoneId timeZone) {

    public OrganisationView {
        adminEmails = List.copyOf(adminEmails);
        auditorEmails = List.copyOf(auditorEmails);
    }

    public boolean isActive() {
        return status == OrganisationStatus.ACTIVE;
    }

    public boolean isAdmin(String email) {
        return adminEmails.contains(email);
    }

    public boolean isAuditor(String email) {
        return auditorEmails.contains(email);
    }
}
