package org.oostkit.wrt.query;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oostkit.wrt.query.api.CampaignQueries.CandidateFilter;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaign;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaigns;
import org.oostkit.wrt.query.api.CampaignQueries.FindConvergence;
import org.oostkit.wrt.query.api.CampaignQueries.FindReferralGraph;
import org.oostkit.wrt.query.api.CampaignQueries.FindRoster;
import org.oostkit.wrt.query.api.CampaignQueries.FindStatistics;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.ContactView;
import org.oostkit.wrt.query.api.ConvergenceView;
import org.oostkit.wrt.query.api.ReferralGraphView;
import org.oostkit.wrt.query.api.RosterView;
import org.oostkit.wrt.query.api.RoundQueries.FindContacts;
import org.oostkit.wrt.query.api.RoundQueries.FindRound;
import org.oostkit.wrt.query.api.RoundQueries.FindRounds;
import org.oostkit.wrt.query.api.RoundView;
import org.oostkit.wrt.query.api.StatisticsView;
import org.oostkit.wrt.query.support.ReadSideTestSupport;
import org.oostkit.wrt.query.support.ScriptedCampaign;
import org.oostkit.wrt.query.tenant.TenantSchemas;

import static org.assertj.core.api.Assertions.assertThat;

/** Two organisations run the same flow; nothing of one is visible through the other. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationIntegrationTest extends ReadSideTestSupport {

    private ScriptedCampaign a;
    private ScriptedCampaign b;

    @BeforeAll
    void twoTenants() {
        a = scriptedCampaign("admin@tenant-a.test");
        b = scriptedCampaign("admin@tenant-b.test");
    }

    @Test
    @DisplayName("each tenant's rows are in its own schema only")
    void rowsLandInTheirOwnSchema() {
        String schemaA = TenantSchemas.schemaOf(a.organisation);
        String schemaB = TenantSchemas.schemaOf(b.organisation);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM " + schemaA + ".campaign WHERE campaign_id = ?",
                Integer.class, b.campaign.value())).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM " + schemaB + ".campaign", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM " + schemaA + ".nomination", Integer.class)).isEqualTo(11);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM " + schemaB + ".nomination", Integer.class)).isEqualTo(11);
    }

    @Test
    @DisplayName("asking as organisation A for organisation B's campaign finds nothing, in every query")
    void noQueryCrossesTenants() {
        assertThat(queries.query(new FindCampaigns(a.organisation), ResponseTypes.multipleInstancesOf(CampaignView.class))
                .join()).extracting(CampaignView::campaignId).containsExactly(a.campaign);
        assertThat(ask(new FindCampaign(a.organisation, b.campaign), CampaignView.class)).isNull();
        assertThat(ask(new FindRoster(a.organisation, b.campaign), RosterView.class).people()).isEmpty();
        assertThat(ask(FindConvergence.firstPage(a.organisation, b.campaign, CandidateFilter.ALL),
                ConvergenceView.class).candidates()).isEmpty();
        assertThat(ask(new FindStatistics(a.organisation, b.campaign), StatisticsView.class).contacted()).isZero();
        assertThat(ask(new FindReferralGraph(a.organisation, b.campaign), ReferralGraphView.class).edges()).isEmpty();
        assertThat(queries.query(new FindRounds(a.organisation, b.campaign),
                ResponseTypes.multipleInstancesOf(RoundView.class)).join()).isEmpty();
        assertThat(ask(new FindRound(a.organisation, b.campaign, 1), RoundView.class)).isNull();
        assertThat(queries.query(new FindContacts(a.organisation, b.campaign, 1, null),
                ResponseTypes.multipleInstancesOf(ContactView.class)).join()).isEmpty();
        // and the owner sees it
        assertThat(ask(new FindCampaign(b.organisation, b.campaign), CampaignView.class).nominations()).isEqualTo(11);
    }
}
