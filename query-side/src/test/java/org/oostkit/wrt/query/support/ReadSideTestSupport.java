package org.oostkit.wrt.query.support;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.oostkit.wrt.testing.IntegrationTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/** Integration tests of the read side: the whole application on PostgreSQL, plus the query gateway. */
public abstract class ReadSideTestSupport extends IntegrationTestSupport {

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

    protected <R> R ask(Object query, Class<R> type) {
        return queries.query(query, type).join();
    }
}
