package org.oostkit.wrt.query.tenant;

import org.oostkit.wrt.query.processing.ReadModelBatches;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Empties every tenant's read-model tables, before a replay of the read models. */
@Component
public class ReadModelReset {

    public static final String[] TABLES = {"campaign", "round", "person", "contact", "nomination"};

    private final JdbcTemplate jdbc;
    private final TenantDirectory tenants;
    private final ReadModelBatches batches;

    ReadModelReset(JdbcTemplate jdbc, TenantDirectory tenants, ReadModelBatches batches) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.batches = batches;
    }

    /** Empties every tenant's tables; the events are handled from scratch, optimistically again. */
    public void truncateAll() {
        batches.forgetFailures();
        for (String schema : tenants.allSchemas()) {
            truncate(schema);
        }
    }

    /** The live processor starts optimistic again after a rebuild (a failure still shows on its first try). */
    public void forgetFailures() {
        batches.forgetFailures();
    }

    /** Empties one tenant's read-model tables. */
    public void truncate(String schema) {
        String s = TenantSchemas.checked(schema);
        StringBuilder sql = new StringBuilder("TRUNCATE ");
        for (int i = 0; i < TABLES.length; i++) {
            sql.append(i == 0 ? "" : ", ").append(s).append('.').append(TABLES[i]);
        }
        jdbc.execute(sql.toString());
    }
}
