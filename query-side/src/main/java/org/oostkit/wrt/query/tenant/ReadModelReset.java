package org.oostkit.wrt.query.tenant;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.ResetHandler;
import org.oostkit.wrt.query.config.ReadModels;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Before a replay of the read models, every tenant's read-model tables are emptied. */
@Component
@ProcessingGroup(ReadModels.GROUP)
class ReadModelReset {

    static final String[] TABLES = {"campaign", "round", "person", "contact", "nomination"};

    private final JdbcTemplate jdbc;
    private final TenantDirectory tenants;

    ReadModelReset(JdbcTemplate jdbc, TenantDirectory tenants) {
        this.jdbc = jdbc;
        this.tenants = tenants;
    }

    @ResetHandler
    void reset() {
        for (String schema : tenants.allSchemas()) {
            String s = TenantSchemas.checked(schema);
            StringBuilder sql = new StringBuilder("TRUNCATE ");
            for (int i = 0; i < TABLES.length; i++) {
                sql.append(i == 0 ? "" : ", ").append(s).append('.').append(TABLES[i]);
            }
            jdbc.execute(sql.toString());
        }
    }
}
