package org.oostkit.wrt.query.campaign;

import org.axonframework.queryhandling.QueryHandler;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaign;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaigns;
import org.oostkit.wrt.query.api.CampaignQueries.FindConvergence;
import org.oostkit.wrt.query.api.CampaignQueries.FindReasons;
import org.oostkit.wrt.query.api.CampaignQueries.FindReferralGraph;
import org.oostkit.wrt.query.api.CampaignQueries.FindRoundReasons;
import org.oostkit.wrt.query.api.CampaignQueries.FindRoster;
import org.oostkit.wrt.query.api.CampaignQueries.FindStatistics;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.ConvergenceView;
import org.oostkit.wrt.query.api.ReasonsView;
import org.oostkit.wrt.query.api.ReferralGraphView;
import org.oostkit.wrt.query.api.RosterView;
import org.oostkit.wrt.query.api.StatisticsView;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class CampaignQueryHandlers {

    private final CampaignReadModel model;

    CampaignQueryHandlers(CampaignReadModel model) {
        this.model = model;
    }

    @QueryHandler
    List<CampaignView> handle(FindCampaigns query) {
        return model.campaigns(query.organisationId());
    }

    @QueryHandler
    CampaignView handle(FindCampaign query) {
        return model.campaign(query.organisationId(), query.campaignId()).orElse(null);
    }

    @QueryHandler
    RosterView handle(FindRoster query) {
        return model.roster(query.organisationId(), query.campaignId());
    }

    @QueryHandler
    ConvergenceView handle(FindConvergence query) {
        return model.convergence(query);
    }

    @QueryHandler
    StatisticsView handle(FindStatistics query) {
        return model.statistics(query.organisationId(), query.campaignId());
    }

    @QueryHandler
    ReferralGraphView handle(FindReferralGraph query) {
        return model.graph(query.organisationId(), query.campaignId());
    }

    @QueryHandler
    ReasonsView handle(FindReasons query) {
        // a page of the ranked list, never the whole campaign in one IN list
        List<PersonId> page = query.nomineeIds().stream()
                .limit(FindReasons.MAX_PEOPLE).toList();
        return model.reasons(query.organisationId(), query.campaignId(), page);
    }

    @QueryHandler
    ReasonsView handle(FindRoundReasons query) {
        return model.roundReasons(query.organisationId(), query.campaignId(), query.roundNumber());
    }
}
