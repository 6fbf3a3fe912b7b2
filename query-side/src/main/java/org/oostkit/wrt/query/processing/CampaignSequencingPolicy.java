package org.oostkit.wrt.query.processing;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.oostkit.wrt.api.campaign.CampaignEvent;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.organisation.OrganisationEvent;

/** Events of one campaign in order (its read models span several aggregates), of different campaigns in parallel. */
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
