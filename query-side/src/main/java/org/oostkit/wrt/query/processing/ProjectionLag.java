package org.oostkit.wrt.query.processing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/** How far the read models trail live events ({@value #NAME}); a replay, old by design, is not counted. */
@Component
public class ProjectionLag {

    public static final String NAME = "wrt.projection.lag";

    private final Timer timer;
    private final Clock clock;

    ProjectionLag(ObjectProvider<MeterRegistry> registry, Clock clock) {
        this.clock = clock;
        this.timer = Timer.builder(NAME)
                .description("Time from an event being stored to the read models having handled it")
                .tag("group", ReadModels.GROUP)
                .publishPercentiles(0.5, 0.95, 0.99)
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    /** The interceptor for the read-model processor (not a bean itself, see {@link ReadModelBatches#interceptor()}). */
    MessageHandlerInterceptor<EventMessage<?>> interceptor() {
        return this::handle;
    }

    private Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        EventMessage<?> event = unitOfWork.getMessage();
        boolean replay = event instanceof TrackedEventMessage<?> tracked && ReplayToken.isReplay(tracked.trackingToken());
        if (!replay) {
            unitOfWork.afterCommit(u -> timer.record(Duration.between(event.getTimestamp(), clock.instant())));
        }
        return result;
    }

    public Timer timer() {
        return timer;
    }
}
