package org.oostkit.wrt.api.campaign;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.common.DataSubject;
import org.oostkit.wrt.api.common.EncryptionScope;
import org.oostkit.wrt.api.common.PersonalData;
import org.oostkit.wrt.api.organisation.OrganisationId;

/** A person the organisation trusts was added to the seed group. */
@Revision("1")
public record SeedPersonAdded(
    OrganisationId organisationId,
    @EncryptionScope CampaignId campaignId,
    @DataSubject PersonId personId,
    @PersonalData String name,
    @PersonalData String email) implements CampaignEvent {
}
