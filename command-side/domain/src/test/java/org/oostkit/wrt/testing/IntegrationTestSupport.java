package org.oostkit.wrt.testing;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Base of tests that run the whole application on PostgreSQL (one shared context per run). */
@SpringBootTest(classes = WrtTestApplication.class)
public abstract class IntegrationTestSupport {

    @Autowired
    protected CommandGateway commandGateway;
    @Autowired
    protected EventStorageEngine eventStorageEngine;
    @Autowired
    protected JdbcTemplate jdbc;

    protected Wrt wrt() {
        return new Wrt(commandGateway);
    }

    protected EventLog events() {
        return new EventLog(eventStorageEngine);
    }
}
