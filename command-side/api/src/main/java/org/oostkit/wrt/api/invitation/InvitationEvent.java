package org.oostkit.wrt.api.invitation;

import org.oostkit.wrt.api.campaign.CampaignEvent;

/** An event of one invitation (one contact in one round). */
public interface InvitationEvent extends CampaignEvent {

    InvitationId invitationId();
}
