package org.oostkit.wrt.query.config;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Events of one campaign are handled in order, by one thread; different campaigns in parallel. The read
 * models of a campaign span several aggregates (rounds, invitations, nominations), so ordering per
 * aggregate would not be enough. Events without a campaign are ordered per organisation.
 */
class CampaignSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    private final ConcurrentHashMap<Class<?>, Optional<Method>> accessors = new ConcurrentHashMap<>();

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        Optional<Method> accessor = accessors.computeIfAbsent(payload.getClass(), CampaignSequencingPolicy::accessor);
        if (accessor.isPresent()) {
            try {
                Object key = accessor.get().invoke(payload);
                if (key != null) {
                    return key.toString();
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot sequence " + payload.getClass(), e);
            }
        }
        return event.getMetaData().getOrDefault("tenant", event.getIdentifier());
    }

    private static Optional<Method> accessor(Class<?> type) {
        for (String name : new String[]{"campaignId", "organisationId"}) {
            try {
                return Optional.of(type.getMethod(name));
            } catch (NoSuchMethodException e) {
                // try the next
            }
        }
        return Optional.empty();
    }
}
