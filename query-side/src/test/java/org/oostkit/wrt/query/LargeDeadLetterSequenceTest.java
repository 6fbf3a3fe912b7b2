package org.oostkit.wrt.query;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignCommands.AddSeedPeople;
import org.oostkit.wrt.api.campaign.CampaignCommands.CreateCampaign;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.api.campaign.SeedRow;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.api.RoundQueries.FindRound;
import org.oostkit.wrt.query.api.RoundView;
import org.oostkit.wrt.query.processing.ReadModels;
import org.oostkit.wrt.query.support.ReadSideTestSupport;
import org.oostkit.wrt.query.tenant.TenantSchemas;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A campaign whose events keep failing queues more than Axon's default 1,024 letters in one sequence: the
 * queue must take them (an overflow would stop the read models of every organisation).
 */
class LargeDeadLetterSequenceTest extends ReadSideTestSupport {

    private static final int CONTACTS = 1_100;

    @Test
    @DisplayName("more than 1,024 letters in one campaign's sequence: parked, and other organisations go on")
    void longSequenceDoesNotOverflow() {
        Actor admin = Actor.admin("admin@long-dlq.test");
        OrganisationId broken = wrt().organisation("admin@long-dlq.test");
        OrganisationId healthy = wrt().organisation("admin@long-dlq.test");
        CampaignId big = CampaignId.random();
        wrt().send(new CreateCampaign(big, broken, CampaignSettings.named("Big")), admin);
        wrt().send(new AddSeedPeople(big, broken, IntStream.range(0, CONTACTS)
                .mapToObj(i -> new SeedRow(i + 1, "Person " + i, "p" + i + "@long-dlq.test")).toList()), admin);
        CampaignId small = wrt().campaign(healthy, admin, "Ben", "ben@long-dlq.test");
        projections().awaitCaughtUp();

        String schema = TenantSchemas.schemaOf(broken);
        jdbc.execute("ALTER TABLE " + schema + ".round RENAME TO round_away");
        try {
            wrt().startRound(broken, big, admin, Duration.ofDays(3));
            wrt().startRound(healthy, small, admin, Duration.ofDays(3));
            projections().awaitCaughtUp();
        } finally {
            jdbc.execute("ALTER TABLE " + schema + ".round_away RENAME TO round");
        }

        assertThat(ask(new FindRound(healthy, small, 1), RoundView.class).contacted()).isEqualTo(1);
        Integer letters = jdbc.queryForObject("SELECT count(*) FROM deadletterentry WHERE processinggroup = ? "
                + "AND sequenceidentifier = ?", Integer.class, ReadModels.GROUP, big.toString());
        assertThat(letters).isGreaterThan(1_024);

        // the table is back: retrying the sequence heals the campaign and leaves no letter (and no stale
        // tenant behind for the rebuild tests that run later and compare every schema)
        SequencedDeadLetterProcessor<EventMessage<?>> retry =
                processing.sequencedDeadLetterProcessor(ReadModels.GROUP).orElseThrow();
        while (retry.processAny()) {
            // next sequence
        }
        assertThat(ask(new FindRound(broken, big, 1), RoundView.class).contacted()).isEqualTo(CONTACTS);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM deadletterentry WHERE processinggroup = ? "
                + "AND sequenceidentifier = ?", Integer.class, ReadModels.GROUP, big.toString())).isZero();
    }
}
