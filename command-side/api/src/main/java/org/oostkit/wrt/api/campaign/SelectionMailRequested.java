package org.oostkit.wrt.api.campaign;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.common.DataSubject;
import org.oostkit.wrt.api.common.EncryptionScope;
import org.oostkit.wrt.api.common.PersonalData;
import org.oostkit.wrt.api.organisation.OrganisationId;

/**
 * An admin (the actor) asked to tell a shortlisted person that they were selected; the mail policy queues
 * one "you have been selected" mail for it. The address and name are the person's, erased with them; the
 * admin's message (empty when none) is the same for everyone told at once.
 */
@Revision("1")
public record SelectionMailRequested(
    OrganisationId organisationId,
    @EncryptionScope CampaignId campaignId,
    @DataSubject PersonId personId,
    @PersonalData String name,
    @PersonalData String email,
    String message) implements CampaignEvent {
}
