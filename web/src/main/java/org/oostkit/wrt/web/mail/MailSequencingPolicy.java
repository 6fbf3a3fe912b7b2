package org.oostkit.wrt.web.mail;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.oostkit.wrt.api.common.Actor;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What waits behind a parked mail-policy event: only what depends on it. An invitation's events (invited,
 * answered, bounced) form a sequence of their own, so one contact whose row cannot be written does not hold
 * back the rest of the round; a campaign's and a round's events are sequenced per campaign, an organisation's
 * per organisation. An invitation whose round is parked keeps its outbox row pending (mail is only claimed
 * for known rounds) until the round's event is retried.
 */
final class MailSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    private static final String[] KEYS = {"invitationId", "campaignId", "organisationId"};

    private final ConcurrentHashMap<Class<?>, Optional<Method>> accessors = new ConcurrentHashMap<>();

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        Optional<Method> accessor = accessors.computeIfAbsent(payload.getClass(), MailSequencingPolicy::accessor);
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
        return event.getMetaData().getOrDefault(Actor.TENANT_KEY, event.getIdentifier());
    }

    private static Optional<Method> accessor(Class<?> type) {
        for (String name : KEYS) {
            try {
                return Optional.of(type.getMethod(name));
            } catch (NoSuchMethodException e) {
                // try the next
            }
        }
        return Optional.empty();
    }
}
