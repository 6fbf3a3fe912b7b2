package org.oostkit.wrt.query.insight;

import org.axonframework.queryhandling.QueryHandler;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.InsightQueries.FindNetworkInsight;
import org.oostkit.wrt.query.api.NetworkInsightView;
import org.oostkit.wrt.query.campaign.CampaignReadModel;
import org.springframework.stereotype.Component;

/** Answers the network insight from the referral graph the campaign read model keeps. */
@Component
class InsightQueryHandlers {

    private final CampaignReadModel campaigns;

    InsightQueryHandlers(CampaignReadModel campaigns) {
        this.campaigns = campaigns;
    }

    @QueryHandler
    NetworkInsightView handle(FindNetworkInsight query) {
        return campaigns.campaign(query.organisationId(), query.campaignId())
                .map(CampaignView::convergenceThreshold)
                .map(threshold -> NetworkInsight.analyse(campaigns.graph(query.organisationId(), query.campaignId()),
                        threshold))
                .orElse(NetworkInsightView.EMPTY);
    }
}
