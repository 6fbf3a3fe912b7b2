package org.oostkit.wrt.domain.infrastructure;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A command's aggregate locked in the database for the command's transaction (a PostgreSQL advisory lock),
 * before the aggregate is loaded. Several instances without command routing then take turns on an aggregate
 * instead of racing for it: a command waits until the other instance's has committed, loads what it recorded
 * (the {@link VersionCheckedCache} sees its entry is stale) and appends after it. Without it a hot aggregate
 * (the campaign every nominator's answer adds names to) made commands lose the append race again and again,
 * and a few lost more often than the gateway retries (a 500 for the nominator).
 * <p>
 * It locks the command's target only, not every aggregate the command creates: a round start creates
 * thousands of invitations, nobody else can know their identifiers yet, and as many locks would overflow
 * PostgreSQL's lock table. A command sent from a policy in the same transaction (the roster's) locks its own
 * target on the same connection. This instance's commands for one aggregate queue in memory first (Axon's
 * lock factory, released after the transaction), so only one of them at a time holds a connection waiting in
 * the database: measured, waiting in PostgreSQL alone cost a fifth of one instance's nominations per second,
 * queueing in memory first costs nothing measurable. The lock ends at commit or rollback, also when the
 * instance dies, and PostgreSQL's deadlock detector sees every wait between instances (the loser is retried by
 * the gateway). It uses the two-key form with a first key of its own ({@link #AGGREGATES}), which no other
 * lock of the application (Flyway's, the scheduler's) shares; two aggregates whose identifiers hash alike only
 * take turns needlessly.
 */
public final class DatabaseAggregateLocks implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** The first key of every aggregate lock ("WRTA"); the second is the hash of the aggregate identifier. */
    static final int AGGREGATES = 0x57525441;

    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();
    private final LockFactory inThisInstance = PessimisticLockFactory.usingDefaults();
    private final JdbcTemplate jdbc;

    public DatabaseAggregateLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        String aggregate = target(unitOfWork.getMessage());
        if (aggregate != null) {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                throw new IllegalStateException("A command runs outside a transaction: its lock would end at once");
            }
            // this instance's commands for the aggregate queue in memory: one at a time waits in the database
            Lock here = inThisInstance.obtainLock(aggregate);
            unitOfWork.onCleanup(done -> here.release());
            jdbc.query("SELECT pg_advisory_xact_lock(?, hashtext(?))", row -> { }, AGGREGATES, aggregate);
        }
        return chain.proceed();
    }

    /** The aggregate the command is for, or null for a command no aggregate handles. */
    private String target(CommandMessage<?> command) {
        try {
            return targets.resolveTarget(command).getIdentifier();
        } catch (IllegalArgumentException noTarget) {
            return null;
        }
    }
}
