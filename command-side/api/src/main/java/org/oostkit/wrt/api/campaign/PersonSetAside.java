package org.oostkit.wrt.api.campaign;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.common.DataSubject;
import org.oostkit.wrt.api.common.EncryptionScope;
import org.oostkit.wrt.api.common.PersonalData;
import org.oostkit.wrt.api.organisation.OrganisationId;

/**
 * An admin left a person out of the next rounds (still in the roster, not asked until brought back); who decided
 * it is the event's {@code actor}. The note may say something about the person, so it is personal data.
 */
@Revision("1")
public record PersonSetAside(
    OrganisationId organisationId,
    @EncryptionScope CampaignId campaignId,
    @DataSubject PersonId personId,
    @PersonalData String note) implements CampaignEvent {
}
