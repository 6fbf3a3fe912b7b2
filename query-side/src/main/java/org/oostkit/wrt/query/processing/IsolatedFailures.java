package org.oostkit.wrt.query.processing;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Parks a failing event in the dead-letter queue without losing the rest of its batch: a failed batch runs again
 * event by event, each behind a savepoint, so only the failing event is undone.
 */
public final class IsolatedFailures {

    private static final Logger log = LoggerFactory.getLogger(IsolatedFailures.class);

    private final String group;
    private final JdbcTemplate jdbc;
    private final DeadLetterMetrics metrics;
    private final boolean alwaysEventByEvent;
    private final BatchStart start;
    private final String mode;
    private final String lastPosition;
    private final String savepoint;
    /** Events up to this position are handled event by event: a batch covering them failed. */
    private final AtomicLong carefulThrough = new AtomicLong(-1);

    /** What a processor does as each batch begins, knowing how it is handled. */
    @FunctionalInterface
    public interface BatchStart {
        void begin(UnitOfWork<?> batch, boolean eventByEvent, boolean retryingDeadLetter);
    }

    public IsolatedFailures(String group, JdbcTemplate jdbc, DeadLetterMetrics metrics, boolean alwaysEventByEvent) {
        this(group, jdbc, metrics, alwaysEventByEvent, (batch, eventByEvent, retrying) -> { });
    }

    public IsolatedFailures(String group, JdbcTemplate jdbc, DeadLetterMetrics metrics, boolean alwaysEventByEvent,
                            BatchStart start) {
        this.start = start;
        this.group = group;
        this.jdbc = jdbc;
        this.metrics = metrics;
        this.alwaysEventByEvent = alwaysEventByEvent;
        String prefix = IsolatedFailures.class.getName() + "." + group;
        this.mode = prefix + ".careful";
        this.lastPosition = prefix + ".last";
        this.savepoint = prefix + ".savepoint";
    }

    /** The handler interceptor of the processor (register it for this processor only). */
    public MessageHandlerInterceptor<EventMessage<?>> interceptor() {
        return this::handle;
    }

    /**
     * The dead-letter policy: in an optimistic batch the batch fails (to run again event by event); otherwise
     * the event is undone, counted, logged with its id and tenant (never its content) and parked.
     */
    public EnqueuePolicy<EventMessage<?>> policy() {
        return (letter, cause) -> {
            if (!carefully()) {
                log.info("{} event {} ({}) failed in an optimistic batch ({}); the batch runs again event by event",
                        group, letter.message().getIdentifier(), letter.message().getPayloadType().getSimpleName(),
                        DeadLetterQueues.describe(cause));
                throw new BatchFailed(group, cause);
            }
            if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().resources().containsKey(savepoint)) {
                jdbc.execute("ROLLBACK TO SAVEPOINT " + savepointName());
            }
            // parked already (counted and logged then): a retry that fails again is no new failure
            boolean again = retryingDeadLetter(CurrentUnitOfWork.get());
            if (!again) {
                metrics.deadLettered(group);
            }
            log.atLevel(again ? Level.WARN : Level.ERROR).log("{} event {} ({}, organisation {}) {}: {}", group,
                    letter.message().getIdentifier(), letter.message().getPayloadType().getSimpleName(),
                    DeadLetterQueues.tenantOf(letter.message()), again ? "failed again and stays parked"
                            : "dead-lettered", DeadLetterQueues.describe(cause));
            return Decisions.enqueue(DeadLetterQueues.withoutPersonalData(cause));
        };
    }

    /** Batches run optimistically again (a failure still shows on its first try), as after a reset. */
    public void forgetFailures() {
        carefulThrough.set(-1);
    }

    private boolean carefully() {
        return CurrentUnitOfWork.isStarted()
                && Boolean.TRUE.equals(CurrentUnitOfWork.get().root().resources().get(mode));
    }

    private String savepointName() {
        return "wrt_" + group.replaceAll("[^a-z]", "_");
    }

    private Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        UnitOfWork<?> root = unitOfWork.root();
        OptionalLong position = position(unitOfWork.getMessage());
        if (!root.resources().containsKey(mode)) {
            boolean retrying = retryingDeadLetter(unitOfWork);
            boolean eventByEvent = alwaysEventByEvent || retrying || position.isEmpty()
                    || position.getAsLong() <= carefulThrough.get();
            root.resources().put(mode, eventByEvent);
            start.begin(root, eventByEvent, retrying);
            root.onRollback(u -> {
                if (u.resources().get(lastPosition) instanceof Long last) {
                    carefulThrough.accumulateAndGet(last, Math::max);
                }
            });
        }
        if (position.isPresent()) {
            root.resources().put(lastPosition, position.getAsLong());
        } else {
            root.resources().remove(lastPosition);
        }
        if (!Boolean.TRUE.equals(root.resources().get(mode))
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return chain.proceed();
        }
        jdbc.execute("SAVEPOINT " + savepointName());
        unitOfWork.resources().put(savepoint, Boolean.TRUE);
        Object result = chain.proceed();
        // kept after a failure was undone to it (the event was dead-lettered, the transaction goes on)
        jdbc.execute("RELEASE SAVEPOINT " + savepointName());
        unitOfWork.resources().remove(savepoint);
        return result;
    }

    private static boolean retryingDeadLetter(UnitOfWork<?> unitOfWork) {
        for (UnitOfWork<?> u = unitOfWork; u != null; u = u.parent().orElse(null)) {
            if (u.resources().containsKey(DeadLetter.class.getName())) {
                return true;
            }
        }
        return false;
    }

    private static OptionalLong position(EventMessage<?> event) {
        return event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position() : OptionalLong.empty();
    }

    /** Rolls an optimistic batch back to run event by event, carrying the failure only as described (no row data). */
    static final class BatchFailed extends RuntimeException {
        BatchFailed(String group, Throwable cause) {
            super(group + " batch failed (" + DeadLetterQueues.describe(cause) + "); retrying it event by event");
        }
    }
}
