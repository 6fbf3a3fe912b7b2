package org.oostkit.wrt.query.export;

import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.organisation.OrganisationId;

/** No such campaign of the organisation, thrown before anything is written so a caller can answer "not found". */
public class ReportNotFound extends RuntimeException {

    ReportNotFound(OrganisationId organisation, CampaignId campaign) {
        super("organisation " + organisation + " has no campaign " + campaign);
    }
}
