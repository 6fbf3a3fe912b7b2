package org.oostkit.wrt.domain.campaign;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.oostkit.wrt.api.campaign.CampaignErased;
import org.oostkit.wrt.api.campaign.PersonErased;
import org.oostkit.wrt.domain.dataprotection.DataKeyStore;
import org.oostkit.wrt.domain.infrastructure.ProcessingGroups;
import org.springframework.stereotype.Component;

/**
 * Destroys the keys an erasure event names, in the transaction that records the event (a subscribing
 * processor with a propagating error handler): the erasure is recorded if and only if the keys are gone.
 */
@Component
@ProcessingGroup(ProcessingGroups.COMMAND_LOOKUPS)
class ErasureKeyShredder {

    private final DataKeyStore keys;

    ErasureKeyShredder(DataKeyStore keys) {
        this.keys = keys;
    }

    @EventHandler
    void on(CampaignErased event) {
        keys.destroyScope(event.campaignId().value());
    }

    @EventHandler
    void on(PersonErased event) {
        keys.destroySubject(event.campaignId().value(), event.personId().value());
    }
}
