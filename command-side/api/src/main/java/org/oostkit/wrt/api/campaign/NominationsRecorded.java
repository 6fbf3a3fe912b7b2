package org.oostkit.wrt.api.campaign;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.organisation.OrganisationId;

import java.util.List;

/**
 * The campaign took note of whom a nominator names now (their whole current list, ids only); it is how the
 * roster knows who is still named by anyone.
 */
@Revision("1")
public record NominationsRecorded(
    OrganisationId organisationId,
    CampaignId campaignId,
    PersonId nominatorId,
    int roundNumber,
    List<PersonId> nominees) implements CampaignEvent {
}
