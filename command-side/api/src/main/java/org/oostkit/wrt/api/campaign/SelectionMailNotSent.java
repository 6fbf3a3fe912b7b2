package org.oostkit.wrt.api.campaign;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.common.DataSubject;
import org.oostkit.wrt.api.common.EncryptionScope;
import org.oostkit.wrt.api.common.PersonalData;
import org.oostkit.wrt.api.organisation.OrganisationId;

/**
 * The "you have been selected" mail to a shortlisted person did not surely go out: refused, suppressed or
 * given up ({@code uncertain} false), or possibly arrived (its instance stopped while handing it over). The
 * reason (a server's words, which may quote the address) is personal data, erased with the person; events
 * written before 7 Dec 2026 hold it as plain text (they still read, the read model erases it with the person).
 */
@Revision("1")
public record SelectionMailNotSent(
    OrganisationId organisationId,
    @EncryptionScope CampaignId campaignId,
    @DataSubject PersonId personId,
    @PersonalData String reason,
    boolean uncertain) implements CampaignEvent {
}
