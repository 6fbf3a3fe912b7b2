package org.oostkit.wrt.query.support;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.oostkit.wrt.testing.IntegrationTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/** Integration tests of the read side: the whole application on PostgreSQL, plus the query gateway. */
public abstract class ReadSideTestSupport extends IntegrationTestSupport {

    /** Every read-model table of a tenant schema. */
    protected static final String[] TABLES = {"campaign", "round", "person", "contact", "nomination"};

    @Autowired
    protected QueryGateway queries;
    @Autowired
    protected EventProcessingConfiguration processing;
    @Autowired
    protected EventStore eventStore;
    @Autowired
    protected TokenStore tokenStore;

    protected Projections projections() {
        return new Projections(processing, eventStore, tokenStore);
    }

    protected ScriptedCampaign scriptedCampaign(String admin) {
        ScriptedCampaign script = ScriptedCampaign.run(wrt(), events(), admin);
        projections().awaitCaughtUp();
        return script;
    }

    /** The read-model tables, one digest each: row count and an order-independent hash of every row. */
    protected java.util.Map<String, String> checksums(java.util.Collection<String> schemas) {
        java.util.Map<String, String> sums = new java.util.LinkedHashMap<>();
        for (String schema : schemas) {
            for (String table : TABLES) {
                sums.put(schema + "." + table, jdbc.queryForObject("SELECT count(*) || ':' || "
                        + "coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '-') FROM " + schema + "." + table
                        + " t", String.class));
            }
        }
        return sums;
    }

    /**
     * When the store recorded the campaign's latest event: a moment after it and before any later command. A clock
     * reading cannot be that: the store keeps event times to the millisecond, truncated, so a command sent within
     * the same millisecond after the reading is recorded at or before it.
     */
    protected java.time.Instant lastRecorded(ScriptedCampaign script) {
        return java.time.Instant.parse(jdbc.queryForObject("SELECT timestamp FROM domainevententry "
                + "WHERE campaign_id = ? ORDER BY globalindex DESC LIMIT 1", String.class, script.campaign.value()));
    }

    protected <R> R ask(Object query, Class<R> type) {
        return queries.query(query, type).join();
    }
}
