package org.oostkit.wrt.query.insight;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.query.api.CampaignQueries.FindReferralGraph;
import org.oostkit.wrt.query.api.InsightQueries.FindNetworkInsight;
import org.oostkit.wrt.query.api.NetworkInsightView;
import org.oostkit.wrt.query.api.ReferralGraphView;
import org.oostkit.wrt.query.support.ReadSideTestSupport;
import org.oostkit.wrt.query.support.ScriptedCampaign;

import static org.assertj.core.api.Assertions.assertThat;

/** The insight query on PostgreSQL gives what the analysis gives for the referral graph the results page reads. */
class InsightQueryIntegrationTest extends ReadSideTestSupport {

    @Test
    @DisplayName("groups of a scripted campaign, equal to the analysis of its referral graph; unknown campaign: none")
    void insight() {
        ScriptedCampaign script = scriptedCampaign("admin@insight.test");
        NetworkInsightView view = ask(new FindNetworkInsight(script.organisation, script.campaign),
                NetworkInsightView.class);
        ReferralGraphView graph = ask(new FindReferralGraph(script.organisation, script.campaign),
                ReferralGraphView.class);
        assertThat(view.groups()).isNotEmpty();
        assertThat(view.groupOf()).hasSize((int) graph.nodes().stream().filter(n -> graph.edges().stream()
                .anyMatch(e -> e.nominee().equals(n.personId()) || e.nominator().equals(n.personId()))).count());
        // the scripted campaign's threshold is 2
        assertThat(view).isEqualTo(NetworkInsight.analyse(graph, 2));
        assertThat(view.ranked()).isPositive();
        assertThat(ask(new FindNetworkInsight(script.organisation, CampaignId.random()), NetworkInsightView.class))
                .isEqualTo(NetworkInsightView.EMPTY);
    }
}
