package org.oostkit.wrt.api.invitation;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.common.EncryptionScope;
import org.oostkit.wrt.api.common.PersonalData;
import org.oostkit.wrt.api.organisation.OrganisationId;

/** A mail of the given purpose could not be sent; the reason (a server's words, which may quote the address) is personal data. */
@Revision("1")
public record MailFailed(
    OrganisationId organisationId,
    @EncryptionScope CampaignId campaignId,
    InvitationId invitationId,
    MailPurpose purpose,
    @PersonalData String reason,
    boolean permanent) implements InvitationEvent {
}
