package org.oostkit.wrt.query;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.query.support.ReadSideTestSupport;
import org.oostkit.wrt.query.support.ScriptedCampaign;
import org.oostkit.wrt.query.tenant.TenantSchemas;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Resetting the read models rebuilds them from the event store, identical to the live state. */
class ReplayIntegrationTest extends ReadSideTestSupport {

    static final String[] TABLES = {"campaign", "round", "person", "contact", "nomination"};

    @Test
    @DisplayName("a replay of the read models gives the same rows, table by table")
    void replayEqualsLive() {
        ScriptedCampaign first = scriptedCampaign("admin@replay-a.test");
        ScriptedCampaign second = scriptedCampaign("admin@replay-b.test");
        Map<String, String> live = checksums(first, second);
        assertThat(live.values()).doesNotContainNull();

        StreamingEventProcessor processor = projections().readModels();
        processor.shutDown();
        try {
            processor.resetTokens();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM " + TenantSchemas.schemaOf(first.organisation)
                    + ".nomination", Integer.class)).isZero();
        } finally {
            processor.start();
        }
        projections().awaitCaughtUp();

        assertThat(checksums(first, second)).isEqualTo(live);
    }

    /** An order-independent digest of every row of every read-model table of the given tenants. */
    private Map<String, String> checksums(ScriptedCampaign... tenants) {
        Map<String, String> sums = new LinkedHashMap<>();
        for (ScriptedCampaign tenant : tenants) {
            String schema = TenantSchemas.schemaOf(tenant.organisation);
            for (String table : TABLES) {
                sums.put(schema + "." + table, jdbc.queryForObject("SELECT count(*) || ':' || "
                        + "coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '-') FROM " + schema + "." + table
                        + " t", String.class));
            }
        }
        return sums;
    }
}
