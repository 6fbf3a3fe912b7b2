package org.oostkit.wrt.query.processing;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.oostkit.wrt.api.campaign.CampaignEvent;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.organisation.OrganisationEvent;

/**
 * Events of one campaign are handled in order, by one thread; different campaigns in parallel. The read
 * models of a campaign span several aggregates (rounds, invitations, nominations), so ordering per
 * aggregate would not be enough. Events without a campaign are ordered per organisation.
 */
class CampaignSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof CampaignEvent e && e.campaignId() != null) {
            return e.campaignId().toString();
        }
        if (payload instanceof OrganisationEvent e && e.organisationId() != null) {
            return e.organisationId().toString();
        }
        return event.getMetaData().getOrDefault(Actor.TENANT_KEY, event.getIdentifier());
    }
}
