package org.oostkit.wrt.query.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sets up each read-model batch transaction and decides how its events are handled.
 * <ul>
 * <li>It commits without waiting for the disk flush ({@code synchronous_commit = off}, for that transaction
 * only). This is safe because the rows and the processor's token commit together: should the database crash,
 * it loses both for the last moments and the processor simply handles those events again. The event store
 * itself always commits synchronously.</li>
 * <li>Batches run optimistically: without savepoints, and with some writes waiting for the end of the batch
 * ({@link ReadModelWrites}). Savepoints cost a subtransaction each; past 64 in one transaction PostgreSQL's
 * snapshots of every concurrent transaction get slower, and a savepoint per statement, measured under the
 * core's write load, tripled the read models' lag.</li>
 * <li>Should anything in a batch fail, the whole batch rolls back (rows and token) and the events it covered
 * are handled again <em>event by event</em>: every write at once, and a savepoint before each event. A failing
 * event is undone whole (nothing of it stays half-written) and dead-lettered, and the rest of the batch
 * commits. Dead letters are always retried that way.</li>
 * </ul>
 * The batches handled event by event are counted ({@value #CAREFUL}); which positions need it is kept in
 * memory, so another instance, or this one after a restart, tries such a batch optimistically once more.
 */
@Component
public class ReadModelBatches {

    public static final String CAREFUL = "wrt.projection.careful.batches";

    private static final String MODE = ReadModelBatches.class.getName() + ".careful";
    private static final String LAST_POSITION = ReadModelBatches.class.getName() + ".last";
    private static final String SAVEPOINT = ReadModelBatches.class.getName() + ".savepoint";
    private static final String SAVEPOINT_NAME = "wrt_read_model_event";

    private final JdbcTemplate jdbc;
    private final ReadModelWrites writes;
    private final Counter careful;
    /** Events up to this position are handled event by event: a batch covering them failed. */
    private final AtomicLong carefulThrough = new AtomicLong(-1);

    ReadModelBatches(JdbcTemplate jdbc, ReadModelWrites writes, ObjectProvider<MeterRegistry> registry) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.careful = Counter.builder(CAREFUL)
                .description("Read-model batches handled again event by event after a failure")
                .tag("group", ReadModels.GROUP)
                .register(registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    /**
     * The interceptor for the read-model processor. Not a bean of its own: Axon's Spring Boot support would
     * add every event handler interceptor bean to every processor, command-side lookups (inside command
     * transactions, whose events must commit synchronously) and the mail policy included.
     */
    MessageHandlerInterceptor<EventMessage<?>> interceptor() {
        return this::handle;
    }

    /**
     * Whether the current event may be dead-lettered now. In an optimistic batch it may not: a failed
     * statement has made the transaction unusable, so the batch must roll back and run again event by event.
     */
    static boolean handledCarefully() {
        return CurrentUnitOfWork.isStarted()
                && Boolean.TRUE.equals(CurrentUnitOfWork.get().root().resources().get(MODE));
    }

    /** Undoes everything the failing current event wrote, before it is dead-lettered. */
    void undoFailedEvent() {
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().resources().containsKey(SAVEPOINT)) {
            jdbc.execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT_NAME);
        }
    }

    /** How many batches were handled again event by event. */
    public double carefulBatches() {
        return careful.count();
    }

    /** The read models are reset: a replay starts optimistic again (a failure still shows on its first try). */
    public void forgetFailures() {
        carefulThrough.set(-1);
    }

    private Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        UnitOfWork<?> root = unitOfWork.root();
        OptionalLong position = position(unitOfWork.getMessage());
        if (!root.resources().containsKey(MODE)) {
            // dead letters are retried one by one, each in a unit of work of its own (nested in the retry's):
            // nothing to be optimistic about, and a failure must leave the transaction usable to requeue it
            boolean deadLetter = retryingDeadLetter(unitOfWork);
            boolean eventByEvent = deadLetter || position.isEmpty()
                    || position.getAsLong() <= carefulThrough.get();
            root.resources().put(MODE, eventByEvent);
            if (eventByEvent && !deadLetter) {
                careful.increment();
            }
            jdbc.execute("SET LOCAL synchronous_commit = off");
            if (!eventByEvent) {
                writes.begin(root);
            }
            // (events without a position are always handled event by event)
            root.onRollback(u -> {
                if (u.resources().get(LAST_POSITION) instanceof Long last) {
                    carefulThrough.accumulateAndGet(last, Math::max);
                }
            });
        }
        if (position.isPresent()) {
            root.resources().put(LAST_POSITION, position.getAsLong());
        } else {
            root.resources().remove(LAST_POSITION);
        }
        if (!Boolean.TRUE.equals(root.resources().get(MODE))
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return chain.proceed();
        }
        jdbc.execute("SAVEPOINT " + SAVEPOINT_NAME);
        unitOfWork.resources().put(SAVEPOINT, Boolean.TRUE);
        Object result = chain.proceed();
        // kept after a failure was undone to it (the event was dead-lettered, the transaction goes on)
        jdbc.execute("RELEASE SAVEPOINT " + SAVEPOINT_NAME);
        unitOfWork.resources().remove(SAVEPOINT);
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
}
