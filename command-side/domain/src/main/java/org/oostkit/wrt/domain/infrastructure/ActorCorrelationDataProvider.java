package org.oostkit.wrt.domain.infrastructure;

import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.oostkit.wrt.api.common.Actor;

import java.util.HashMap;
import java.util.Map;

/**
 * Carries who caused a message ({@code actor}) and for which organisation ({@code tenant}) from every
 * handled message to the messages it produces. A deadline acts on its own behalf: whatever it caused is
 * recorded as caused by {@code deadline}, not by the admin who once scheduled it.
 */
class ActorCorrelationDataProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>(2);
        if (message instanceof DeadlineMessage) {
            data.put(Actor.METADATA_KEY, Actor.DEADLINE.value());
        } else {
            Object actor = message.getMetaData().get(Actor.METADATA_KEY);
            if (actor != null) {
                data.put(Actor.METADATA_KEY, actor);
            }
        }
        Object tenant = message.getMetaData().get(Actor.TENANT_KEY);
        if (tenant != null) {
            data.put(Actor.TENANT_KEY, tenant);
        }
        return data;
    }
}
