package org.oostkit.wrt.api.campaign;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.common.DataSubject;
import org.oostkit.wrt.api.common.EncryptionScope;
import org.oostkit.wrt.api.common.PersonalData;
import org.oostkit.wrt.api.organisation.OrganisationId;

/**
 * An admin chose a person of the roster for the workshop, with an optional note on why (empty when none). The
 * actor metadata says who chose; the note is about the person and is erased with them.
 */
@Revision("1")
public record PersonShortlisted(
    OrganisationId organisationId,
    @EncryptionScope CampaignId campaignId,
    @DataSubject PersonId personId,
    @PersonalData String note) implements CampaignEvent {
}
