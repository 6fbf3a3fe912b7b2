package org.oostkit.wrt.adapters.mail;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.oostkit.wrt.api.campaign.CampaignEvent;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.invitation.InvitationEvent;
import org.oostkit.wrt.api.organisation.OrganisationEvent;

/**
 * What waits behind a parked mail-policy event: only what depends on it. An invitation's events (invited,
 * answered, bounced) form a sequence of their own, so one contact whose row cannot be written does not hold
 * back the rest of the round; a campaign's and a round's events are sequenced per campaign, an organisation's
 * per organisation. An invitation whose round is parked keeps its outbox row pending (mail is only claimed
 * for known rounds) until the round's event is retried.
 */
final class MailSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        Object key = payload instanceof InvitationEvent e ? e.invitationId()
                : payload instanceof CampaignEvent e ? e.campaignId()
                : payload instanceof OrganisationEvent e ? e.organisationId() : null;
        return key != null ? key.toString() : event.getMetaData().getOrDefault(Actor.TENANT_KEY, event.getIdentifier());
    }
}
