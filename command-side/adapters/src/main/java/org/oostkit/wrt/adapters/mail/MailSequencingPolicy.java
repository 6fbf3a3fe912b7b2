package org.oostkit.wrt.adapters.mail;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.oostkit.wrt.api.campaign.CampaignEvent;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.invitation.InvitationEvent;
import org.oostkit.wrt.api.organisation.OrganisationEvent;

/**
 * Sequences mail-policy events per invitation, campaign or organisation, so that a parked event holds
 * back only the events that depend on it.
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
