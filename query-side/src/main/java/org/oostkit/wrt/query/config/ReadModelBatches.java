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
import org.postgresql.PGConnection;
import org.postgresql.jdbc.AutoSave;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Statement;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sets up each read-model batch transaction, once, before its first event.
 * <ul>
 * <li>It commits without waiting for the disk flush ({@code synchronous_commit = off}, for that transaction
 * only). This is safe because the rows and the processor's token commit together: should the database crash,
 * it loses both for the last moments and the processor simply handles those events again. The event store
 * itself always commits synchronously.</li>
 * <li>Batches run optimistically: without savepoints. Should anything in a batch fail, the whole batch rolls
 * back (rows and token) and the events it covered are handled again <em>statement by statement</em>: the
 * driver then sets a savepoint before each statement, in the same network message ({@code autosave=always}),
 * so a failing statement is undone alone, the transaction stays usable, the failing event is dead-lettered and
 * the rest of the batch commits. Savepoints on every batch cost a subtransaction per statement; past 64 of
 * them PostgreSQL's snapshots of every concurrent transaction get slower, and measured under the core's write
 * load they tripled the read models' lag. The setting goes back to what it was when the transaction ends,
 * before its connection returns to the pool. Handlers are idempotent, so the second pass converges.</li>
 * </ul>
 * In an optimistic batch, some writes wait for its end and go out together ({@link ReadModelWrites}); a
 * failure there also rolls the batch back and has it handled again statement by statement, everything written
 * at once. The batches handled statement by statement are counted ({@value #CAREFUL}).
 */
@Component
public class ReadModelBatches {

    public static final String CAREFUL = "wrt.projection.careful.batches";

    private static final String MODE = ReadModelBatches.class.getName() + ".careful";
    private static final String LAST_POSITION = ReadModelBatches.class.getName() + ".last";

    private final JdbcTemplate jdbc;
    private final ReadModelWrites writes;
    private final Counter careful;
    /** Events up to this position are handled statement by statement: a batch covering them failed. */
    private final AtomicLong carefulThrough = new AtomicLong(-1);

    ReadModelBatches(JdbcTemplate jdbc, ReadModelWrites writes, ObjectProvider<MeterRegistry> registry) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.careful = Counter.builder(CAREFUL)
                .description("Read-model batches handled again statement by statement after a failure")
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
     * statement has made the transaction unusable, so the batch must roll back and run again carefully.
     */
    static boolean handledCarefully() {
        return CurrentUnitOfWork.isStarted()
                && Boolean.TRUE.equals(CurrentUnitOfWork.get().root().resources().get(MODE));
    }

    /** How many batches were handled again statement by statement. */
    public double carefulBatches() {
        return careful.count();
    }

    private Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        UnitOfWork<?> root = unitOfWork.root();
        OptionalLong position = position(unitOfWork.getMessage());
        if (!root.resources().containsKey(MODE)) {
            // dead letters are retried one by one, each in a unit of work of its own (nested in the retry's):
            // nothing to be optimistic about, and a failure must leave the transaction usable to requeue it
            boolean deadLetter = retryingDeadLetter(unitOfWork);
            boolean statementByStatement = deadLetter || position.isEmpty()
                    || position.getAsLong() <= carefulThrough.get();
            root.resources().put(MODE, statementByStatement);
            if (statementByStatement && !deadLetter) {
                careful.increment();
            }
            begin(statementByStatement);
            if (!statementByStatement) {
                writes.begin(root);
            }
            // (events without a position are always handled statement by statement)
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
        writes.before(unitOfWork.getMessage());
        return chain.proceed();
    }

    private static boolean retryingDeadLetter(UnitOfWork<?> unitOfWork) {
        for (UnitOfWork<?> u = unitOfWork; u != null; u = u.parent().orElse(null)) {
            if (u.resources().containsKey(DeadLetter.class.getName())) {
                return true;
            }
        }
        return false;
    }

    private void begin(boolean statementByStatement) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            if (statementByStatement && TransactionSynchronizationManager.isSynchronizationActive()) {
                PGConnection postgres = connection.unwrap(PGConnection.class);
                AutoSave before = postgres.getAutosave();
                if (before != AutoSave.ALWAYS) {
                    postgres.setAutosave(AutoSave.ALWAYS);
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            postgres.setAutosave(before);
                        }
                    });
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL synchronous_commit = off");
            }
            return null;
        });
    }

    private static OptionalLong position(EventMessage<?> event) {
        return event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position() : OptionalLong.empty();
    }
}
