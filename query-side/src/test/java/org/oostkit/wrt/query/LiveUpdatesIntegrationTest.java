package org.oostkit.wrt.query;

import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaign;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.RoundQueries.FindRound;
import org.oostkit.wrt.query.api.RoundView;
import org.oostkit.wrt.query.support.ReadSideTestSupport;
import org.oostkit.wrt.query.support.ScriptedCampaign;
import org.oostkit.wrt.query.tenant.TenantSchemas;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Subscription queries deliver the round status and campaign summary as they change. */
class LiveUpdatesIntegrationTest extends ReadSideTestSupport {

    @Test
    @DisplayName("a nomination in an open round updates subscribers of the round and of the campaign")
    void roundAndCampaignUpdates() {
        ScriptedCampaign script = scriptedCampaign("admin@live.test");
        SubscriptionQueryResult<RoundView, RoundView> round = queries.subscriptionQuery(
                new FindRound(script.organisation, script.campaign, 2), RoundView.class, RoundView.class);
        SubscriptionQueryResult<CampaignView, CampaignView> campaign = queries.subscriptionQuery(
                new FindCampaign(script.organisation, script.campaign), CampaignView.class, CampaignView.class);
        try {
            assertThat(round.initialResult().block(Duration.ofSeconds(10)).responded()).isEqualTo(2);
            assertThat(campaign.initialResult().block(Duration.ofSeconds(10)).nominations()).isEqualTo(11);

            ContactInvited gina = script.invited(script.round2).get("Gina");
            script.nominate(gina, "gina@acme.test", ScriptedCampaign.person("Ivo"));

            // what a subscriber is shown is committed: another connection, asked as the update arrives, sees it
            RoundView updated = round.updates().filter(v -> v.responded() == 3)
                    .doOnNext(v -> committedWhenShown = committedResponses(script))
                    .blockFirst(Duration.ofSeconds(20));
            assertThat(committedWhenShown).isEqualTo(3);
            assertThat(updated.verified()).isEqualTo(3);
            // the nomination, then Ivo joining the roster: two updates, the last one shows both
            CampaignView summary = campaign.updates()
                    .filter(v -> v.nominations() == 12 && v.notYetContacted() == 2) // Hank and Ivo
                    .blockFirst(Duration.ofSeconds(20));
            assertThat(summary.people()).isEqualTo(9);
        } finally {
            round.close();
            campaign.close();
        }
    }

    @Autowired
    DataSource dataSource;

    private volatile int committedWhenShown = -1;

    /** Asked on the thread that delivers the update, on a connection of its own (outside any transaction). */
    private int committedResponses(ScriptedCampaign script) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM "
                     + TenantSchemas.schemaOf(script.organisation) + ".contact WHERE round_id = ? "
                     + "AND responded_at IS NOT NULL")) {
            statement.setObject(1, script.round2.value());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
