package org.oostkit.wrt.query.export;

import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.organisation.OrganisationId;

/**
 * The organisation has no such campaign (or is not registered). Thrown before anything is written, so a
 * caller can still answer "not found".
 */
public class ReportNotFound extends RuntimeException {

    ReportNotFound(OrganisationId organisation, CampaignId campaign) {
        super("organisation " + organisation + " has no campaign " + campaign);
    }
}
