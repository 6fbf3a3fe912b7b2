package org.oostkit.wrt.domain.infrastructure;

import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The aggregate lock of every instance on one event store: Axon's lock in this JVM, then a PostgreSQL advisory
 * lock on the aggregate for the rest of the command's transaction. Several instances without command routing
 * then take turns on an aggregate instead of racing for it: a command waits until the other instance's has
 * committed, loads what it recorded (the {@link VersionCheckedCache} sees the entry is stale) and appends
 * after it. Without it, a hot aggregate (the campaign every nominator's answer adds names to) made commands
 * lose the race again and again, and some lost more often than the gateway retries.
 * <p>
 * The advisory lock is a transaction lock: PostgreSQL releases it at commit or rollback, also when the
 * instance dies, and its deadlock detector sees every wait between instances. It uses PostgreSQL's two-key
 * form with a key of its own ({@link #AGGREGATES}), which no other lock of the application (Flyway's, the
 * scheduler's) shares; two aggregates whose identifiers hash alike only take turns needlessly.
 */
public final class DatabaseAggregateLocks implements LockFactory {

    /** The first key of every aggregate lock ("WRTA"): the second is the hash of the aggregate identifier. */
    static final int AGGREGATES = 0x57525441;

    private final LockFactory inThisInstance = PessimisticLockFactory.usingDefaults();
    private final JdbcTemplate jdbc;

    public DatabaseAggregateLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Lock obtainLock(String aggregateIdentifier) {
        // threads of this instance queue in memory first: only one of them at a time waits in the database
        Lock lock = inThisInstance.obtainLock(aggregateIdentifier);
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            lock.release();
            throw new IllegalStateException("An aggregate is used outside a transaction: its lock would end at once");
        }
        try {
            jdbc.query("SELECT pg_advisory_xact_lock(?, hashtext(?))", row -> { }, AGGREGATES, aggregateIdentifier);
        } catch (RuntimeException e) {
            lock.release();
            throw e;
        }
        return lock;
    }
}
