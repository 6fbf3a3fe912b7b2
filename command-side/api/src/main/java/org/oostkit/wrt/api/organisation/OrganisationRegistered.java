package org.oostkit.wrt.api.organisation;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.common.EncryptionScope;
import org.oostkit.wrt.api.common.PersonalData;

import java.util.List;

/** Registered a new organisation with its access lists; the slug is unique among organisations. */
@Revision("1")
public record OrganisationRegistered(
    @EncryptionScope OrganisationId organisationId,
    String slug,
    String name,
    @PersonalData List<String> adminEmails,
    @PersonalData List<String> auditorEmails) implements OrganisationEvent {
}
