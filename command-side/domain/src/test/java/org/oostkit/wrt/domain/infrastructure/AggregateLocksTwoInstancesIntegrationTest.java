package org.oostkit.wrt.domain.infrastructure;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignCommands.AddSeedPeople;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.SeedPersonAdded;
import org.oostkit.wrt.api.campaign.SeedRow;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.testing.IntegrationTestSupport;
import org.oostkit.wrt.testing.Wrt;
import org.oostkit.wrt.testing.WrtTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances (application contexts with their own command buses, caches and connection pools) on one
 * event store, no command routing, both writing one campaign as fast as they can: with the aggregate lock held
 * in the database, every command waits for the other instance's and then decides on what it recorded, so
 * none loses a race. The gateways here do not retry, so a single lost race fails the test.
 */
class AggregateLocksTwoInstancesIntegrationTest extends IntegrationTestSupport {

    private static final int THREADS_PER_INSTANCE = 4;
    private static final int COMMANDS_PER_THREAD = 15;

    @Autowired
    CommandBus commandBus;

    private ConfigurableApplicationContext other;

    @AfterEach
    void closeOther() {
        if (other != null) {
            other.close();
        }
    }

    @Test
    void neitherInstanceLosesARaceForOneCampaign() throws Exception {
        other = new SpringApplicationBuilder(WrtTestApplication.class).web(WebApplicationType.NONE)
                .run("--spring.main.banner-mode=off",
                        "--spring.datasource.hikari.maximum-pool-size=" + (THREADS_PER_INSTANCE + 2));
        Actor admin = Actor.admin("locks@two.test");
        OrganisationId org = wrt().organisation("locks@two.test");
        CampaignId campaign = wrt().campaign(org, admin, "Ada", "ada@two.test");
        List<Wrt> instances = List.of(withoutRetries(commandBus), withoutRetries(other.getBean(CommandBus.class)));

        ExecutorService threads = Executors.newFixedThreadPool(2 * THREADS_PER_INSTANCE);
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        try {
            for (int t = 0; t < 2 * THREADS_PER_INSTANCE; t++) {
                Wrt instance = instances.get(t % 2);
                int writer = t;
                writers.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < COMMANDS_PER_THREAD; i++) {
                        String email = "w" + writer + "-" + i + "@two.test";
                        instance.send(new AddSeedPeople(campaign, org,
                                List.of(new SeedRow(1, "Writer " + writer + " " + i, email))), admin);
                    }
                }, threads));
            }
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }

        assertThat(events().payloads(SeedPersonAdded.class, e -> e.campaignId().equals(campaign)))
                .hasSize(1 + 2 * THREADS_PER_INSTANCE * COMMANDS_PER_THREAD);
    }

    private static Wrt withoutRetries(CommandBus bus) {
        return new Wrt(DefaultCommandGateway.builder().commandBus(bus)
                .dispatchInterceptors(new TenantAndActorInterceptor()).build());
    }
}
