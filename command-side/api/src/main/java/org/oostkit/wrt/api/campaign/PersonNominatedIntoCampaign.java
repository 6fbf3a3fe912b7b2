package org.oostkit.wrt.api.campaign;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.common.DataSubject;
import org.oostkit.wrt.api.common.EncryptionScope;
import org.oostkit.wrt.api.common.PersonalData;
import org.oostkit.wrt.api.organisation.OrganisationId;

/** A person named for the first time in this campaign joined the roster; the next round contacts them. */
@Revision("1")
public record PersonNominatedIntoCampaign(
    OrganisationId organisationId,
    @EncryptionScope CampaignId campaignId,
    @DataSubject PersonId personId,
    int roundNumber,
    @PersonalData String name,
    @PersonalData String email) implements CampaignEvent {
}
