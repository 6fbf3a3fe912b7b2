package org.oostkit.wrt.api.campaign;

import org.axonframework.serialization.Revision;
import org.oostkit.wrt.api.organisation.OrganisationId;

/**
 * The "you have been selected" mail to a shortlisted person did not surely go out: refused, suppressed or
 * given up ({@code uncertain} false), or possibly arrived (its instance stopped while handing it over).
 */
@Revision("1")
public record SelectionMailNotSent(
    OrganisationId organisationId,
    CampaignId campaignId,
    PersonId personId,
    String reason,
    boolean uncertain) implements CampaignEvent {
}
