package org.oostkit.wrt.query;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.query.support.ReadSideTestSupport;
import org.oostkit.wrt.query.support.ScriptedCampaign;
import org.oostkit.wrt.query.tenant.TenantSchemas;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Resetting the read models rebuilds them from the event store, identical to the live state. */
class ReplayIntegrationTest extends ReadSideTestSupport {

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

    private Map<String, String> checksums(ScriptedCampaign... tenants) {
        return checksums(java.util.Arrays.stream(tenants).map(t -> TenantSchemas.schemaOf(t.organisation)).toList());
    }
}
