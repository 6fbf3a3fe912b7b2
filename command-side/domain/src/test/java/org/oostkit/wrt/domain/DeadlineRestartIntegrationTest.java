package org.oostkit.wrt.domain;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RoundCloseReason;
import org.oostkit.wrt.api.round.RoundClosed;
import org.oostkit.wrt.api.round.RoundId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.oostkit.wrt.testing.EventLog;
import org.oostkit.wrt.testing.TestDatabase;
import org.oostkit.wrt.testing.Wrt;
import org.oostkit.wrt.testing.WrtTestApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deadlines live in PostgreSQL: a round's auto-close scheduled by one application instance fires after
 * that instance is gone, exactly once, even with two instances running.
 */
class DeadlineRestartIntegrationTest {

    private final List<ConfigurableApplicationContext> running = new ArrayList<>();
    private final TestDatabase.Coordinates db = TestDatabase.fresh();

    @AfterEach
    void stopAll() {
        running.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    @DisplayName("a round's auto-close survives a restart and fires once across two instances")
    void autoCloseSurvivesRestart() throws Exception {
        ConfigurableApplicationContext first = start();
        Wrt wrt = new Wrt(first.getBean(CommandGateway.class));
        Actor admin = Actor.admin("restart@deadline.test");
        OrganisationId org = wrt.organisation("restart@deadline.test");
        CampaignId campaign = wrt.campaign(org, admin, "Ruth", "ruth@deadline.test");
        RoundId round = wrt.startRound(org, campaign, admin, Duration.ofSeconds(6));
        Instant deadline = Instant.now().plusSeconds(6);
        first.close();
        running.remove(first);

        ConfigurableApplicationContext second = start();
        start(); // a second instance on the same database
        EventLog log = new EventLog(second.getBean(EventStorageEngine.class));
        Awaitility.await().atMost(Duration.between(Instant.now(), deadline.plusSeconds(30)))
                .pollInterval(Duration.ofMillis(250)).until(() -> !closedEvents(log, round).isEmpty());
        // a duplicate firing would show up within a few seconds: the round stays closed once
        Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> closedEvents(log, round).size() == 1);

        List<TrackedEventMessage<?>> closed = closedEvents(log, round);
        assertThat(closed).hasSize(1);
        assertThat(((RoundClosed) closed.get(0).getPayload()).reason()).isEqualTo(RoundCloseReason.DEADLINE_PASSED);
        assertThat(closed.get(0).getMetaData().get("actor")).isEqualTo("deadline");
        assertThat(closed.get(0).getTimestamp()).isAfterOrEqualTo(deadline.minusSeconds(1));
    }

    private static List<TrackedEventMessage<?>> closedEvents(EventLog log, RoundId round) {
        List<TrackedEventMessage<?>> closed = new ArrayList<>();
        for (TrackedEventMessage<?> message : log.messages(RoundClosed.class)) {
            if (((RoundClosed) message.getPayload()).roundId().equals(round)) {
                closed.add(message);
            }
        }
        return closed;
    }

    private ConfigurableApplicationContext start() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(WrtTestApplication.class)
                .properties("wrt.test.database-url=" + db.url(),
                        "wrt.test.database-username=" + db.username(),
                        "wrt.test.database-password=" + db.password(),
                        "spring.datasource.hikari.maximum-pool-size=4")
                .run();
        running.add(context);
        return context;
    }
}
