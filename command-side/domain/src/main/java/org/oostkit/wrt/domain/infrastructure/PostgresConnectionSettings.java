package org.oostkit.wrt.domain.infrastructure;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Settings of every pooled PostgreSQL connection.
 * <ul>
 * <li>Each statement is planned with its actual parameters. The driver turns frequent statements into
 * server-side prepared statements, and PostgreSQL may then settle on a generic plan chosen while a table was
 * still nearly empty (a sequential scan) and keep it while the table grows to hundreds of thousands of rows:
 * measured, the nomination projection went from ~100 ms to well under 1 ms per event.</li>
 * <li>{@code autosave=always}: the driver sets a savepoint before each statement in the same network message,
 * so a failing statement is undone alone and the transaction stays usable. A read-model event whose handler
 * fails can then be dead-lettered while the rest of its batch commits, at no extra round trip (explicit
 * savepoints per event halved the projection's throughput). Handlers are idempotent, so a dead letter
 * retried after a half-applied failure converges.</li>
 * </ul>
 */
@Component
class PostgresConnectionSettings implements BeanPostProcessor {

    static final String CUSTOM_PLANS = "SET plan_cache_mode = force_custom_plan";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari) {
            if (hikari.getConnectionInitSql() == null) {
                hikari.setConnectionInitSql(CUSTOM_PLANS);
            }
            if (!hikari.getDataSourceProperties().containsKey("autosave")) {
                hikari.addDataSourceProperty("autosave", "always");
            }
        }
        return bean;
    }
}
