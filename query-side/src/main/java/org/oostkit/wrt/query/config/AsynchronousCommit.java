package org.oostkit.wrt.query.config;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.postgresql.PGConnection;
import org.postgresql.jdbc.AutoSave;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Statement;

/**
 * Sets up each read-model batch transaction, once, before its first event:
 * <ul>
 * <li>It commits without waiting for the disk flush ({@code synchronous_commit = off}, for that transaction
 * only). This is safe because the rows and the processor's token commit together: should the database crash,
 * it loses both for the last moments and the processor simply handles those events again. The event store
 * itself always commits synchronously.</li>
 * <li>A failing statement is undone alone: the driver sets a savepoint before each statement, in the same
 * network message ({@code autosave=always}), so the transaction stays usable and a failing event can be
 * dead-lettered while the rest of its batch commits (explicit savepoints per event halved the throughput).
 * Only these transactions pay for that: the setting goes back to what it was when the transaction ends,
 * before its connection returns to the pool. Handlers are idempotent, so a dead letter retried after a
 * half-applied failure converges.</li>
 * </ul>
 */
@Component
class AsynchronousCommit {

    private static final String DONE = AsynchronousCommit.class.getName();

    private final JdbcTemplate jdbc;

    AsynchronousCommit(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The interceptor for the read-model processor. Not a bean of its own: Axon's Spring Boot support would
     * add every event handler interceptor bean to every processor, command-side lookups (inside command
     * transactions, whose events must commit synchronously) and the mail policy included.
     */
    MessageHandlerInterceptor<EventMessage<?>> interceptor() {
        return this::handle;
    }

    private Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        UnitOfWork<?> root = unitOfWork.root();
        if (root.resources().putIfAbsent(DONE, Boolean.TRUE) == null) {
            jdbc.execute((ConnectionCallback<Void>) connection -> {
                PGConnection postgres = connection.unwrap(PGConnection.class);
                AutoSave before = postgres.getAutosave();
                if (before != AutoSave.ALWAYS && TransactionSynchronizationManager.isSynchronizationActive()) {
                    postgres.setAutosave(AutoSave.ALWAYS);
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            postgres.setAutosave(before);
                        }
                    });
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET LOCAL synchronous_commit = off");
                }
                return null;
            });
        }
        return chain.proceed();
    }
}
