package org.oostkit.wrt.query;

import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.api.RoundQueries.FindRound;
import org.oostkit.wrt.query.api.RoundView;
import org.oostkit.wrt.query.config.DeadLetterMetrics;
import org.oostkit.wrt.query.config.ReadModels;
import org.oostkit.wrt.query.support.ReadSideTestSupport;
import org.oostkit.wrt.query.tenant.TenantSchemas;
import org.postgresql.PGConnection;
import org.postgresql.jdbc.AutoSave;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A failing event is dead-lettered and counted; everything else keeps flowing; the letter can be retried. */
class DeadLetterIntegrationTest extends ReadSideTestSupport {

    @Autowired
    DeadLetterMetrics metrics;

    @Autowired
    DataSource dataSource;

    @Test
    @DisplayName("a broken tenant's events wait in the dead-letter queue while another tenant's flow on, then retry")
    void deadLetterAndRetry() {
        Actor admin = Actor.admin("admin@dlq.test");
        OrganisationId broken = wrt().organisation("admin@dlq.test");
        OrganisationId healthy = wrt().organisation("admin@dlq.test");
        CampaignId brokenCampaign = wrt().campaign(broken, admin, "Ann", "ann@dlq.test");
        CampaignId healthyCampaign = wrt().campaign(healthy, admin, "Ben", "ben@dlq.test");
        projections().awaitCaughtUp();
        String brokenSchema = TenantSchemas.schemaOf(broken);
        double before = metrics.count();

        jdbc.execute("ALTER TABLE " + brokenSchema + ".round RENAME TO round_away");
        try {
            wrt().startRound(broken, brokenCampaign, admin, Duration.ofDays(3));
            wrt().startRound(healthy, healthyCampaign, admin, Duration.ofDays(3));
            projections().awaitCaughtUp();

            assertThat(ask(new FindRound(healthy, healthyCampaign, 1), RoundView.class).contacted()).isEqualTo(1);
            assertThat(metrics.count()).isGreaterThan(before);
            assertThat(deadLetters(brokenCampaign)).isGreaterThanOrEqualTo(1);
            assertThat(deadLetters(healthyCampaign)).isZero();
        } finally {
            jdbc.execute("ALTER TABLE " + brokenSchema + ".round_away RENAME TO round");
        }

        SequencedDeadLetterProcessor<EventMessage<?>> retry =
                processing.sequencedDeadLetterProcessor(ReadModels.GROUP).orElseThrow();
        while (retry.processAny()) {
            // every sequence, oldest first, until the queue is empty
        }
        assertThat(deadLetters(brokenCampaign)).isZero();
        RoundView round = ask(new FindRound(broken, brokenCampaign, 1), RoundView.class);
        assertThat(round).isNotNull();
        assertThat(round.contacted()).isEqualTo(1); // the contact (queued behind the round) came through too
    }

    @Test
    @DisplayName("the per-statement savepoints of read-model batches end with the batch: pooled connections come back without")
    void savepointsStayInTheReadModelTransactions() throws Exception {
        Actor admin = Actor.admin("admin@dlq.test");
        OrganisationId org = wrt().organisation("admin@dlq.test");
        CampaignId campaign = wrt().campaign(org, admin, "Cy", "cy@dlq.test");
        wrt().startRound(org, campaign, admin, Duration.ofDays(3));
        projections().awaitCaughtUp();

        // every connection of the pool at once: none may still carry the read models' setting
        HikariDataSource pool = (HikariDataSource) dataSource;
        List<Connection> all = new ArrayList<>();
        try {
            for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                all.add(pool.getConnection());
            }
            for (Connection connection : all) {
                assertThat(connection.unwrap(PGConnection.class).getAutosave()).isEqualTo(AutoSave.NEVER);
            }
        } finally {
            for (Connection connection : all) {
                connection.close();
            }
        }
    }

    private int deadLetters(CampaignId campaign) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM deadletterentry WHERE processinggroup = ? "
                + "AND sequenceidentifier = ?", Integer.class, ReadModels.GROUP, campaign.toString());
        return n == null ? 0 : n;
    }
}
