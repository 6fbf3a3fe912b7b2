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

            RoundView updated = round.updates().filter(v -> v.responded() == 3).blockFirst(Duration.ofSeconds(20));
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
}
