package org.oostkit.wrt.api.campaign;

import org.oostkit.wrt.api.organisation.OrganisationEvent;

/** An event of one campaign: the read models and the mail policy handle a campaign's events in order. */
public interface CampaignEvent extends OrganisationEvent {

    CampaignId campaignId();
}
