package org.oostkit.wrt.api.organisation;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.common.EncryptionScope;
import org.oostkit.wrt.api.common.PersonalData;

import java.util.List;

/** The admin and auditor lists were replaced. */
@Revision("1")
public record OrganisationMembersChanged(
    @EncryptionScope OrganisationId organisationId,
    @PersonalData List<String> adminEmails,
    @PersonalData List<String> auditorEmails) implements OrganisationEvent {
}
