package org.oostkit.wrt.domain.infrastructure;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.oostkit.wrt.api.common.Actor;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Stamps every command with its tenant (always the {@code organisationId} the command names, whatever the
 * sender put in the metadata) and an actor ({@code system} unless the sender said who). From there,
 * correlation carries both onto every event.
 */
class TenantAndActorInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final Map<Class<?>, Optional<Method>> organisationAccessors = new ConcurrentHashMap<>();

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> additions = new HashMap<>(2);
            if (!command.getMetaData().containsKey(Actor.METADATA_KEY)) {
                additions.put(Actor.METADATA_KEY, Actor.SYSTEM.value());
            }
            organisationOf(command.getPayload()).ifPresent(tenant -> additions.put(Actor.TENANT_KEY, tenant));
            return additions.isEmpty() ? command : command.andMetaData(MetaData.from(additions));
        };
    }

    private Optional<String> organisationOf(Object payload) {
        Optional<Method> accessor = organisationAccessors.computeIfAbsent(payload.getClass(), type -> {
            if (!type.isRecord()) {
                return Optional.empty();
            }
            try {
                return Optional.of(type.getMethod("organisationId"));
            } catch (NoSuchMethodException e) {
                return Optional.empty();
            }
        });
        return accessor.map(method -> {
            try {
                Object value = method.invoke(payload);
                return value == null ? null : value.toString();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read the organisation of " + payload.getClass(), e);
            }
        });
    }
}
