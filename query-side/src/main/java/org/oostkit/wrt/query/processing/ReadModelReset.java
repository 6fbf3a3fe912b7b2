package org.oostkit.wrt.query.processing;

import org.oostkit.wrt.query.projection.Row;
import org.oostkit.wrt.query.tenant.TenantDirectory;
import org.oostkit.wrt.query.tenant.TenantSchemas;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Empties every tenant's read-model tables, before a replay of the read models. */
@Component
public class ReadModelReset {

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
        jdbc.execute("TRUNCATE " + String.join(", ", Row.Table.all().stream().map(t -> s + "." + t.name()).toList()));
    }
}
