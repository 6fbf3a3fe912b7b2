package org.oostkit.wrt.api.campaign;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RoundId;

import java.util.List;

/** Round N began and these people were asked; none of them will be asked again in this campaign. */
@Revision("1")
public record PeopleContacted(
    OrganisationId organisationId,
    CampaignId campaignId,
    RoundId roundId,
    int roundNumber,
    List<PersonId> personIds) implements CampaignEvent {
}
