package org.oostkit.wrt.web.results;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.query.api.CampaignQueries.FindConvergence;
import org.oostkit.wrt.query.api.CampaignQueries.FindReasons;
import org.oostkit.wrt.query.api.CampaignQueries.FindReferralGraph;
import org.oostkit.wrt.query.api.CampaignQueries.FindStatistics;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.CandidateView;
import org.oostkit.wrt.query.api.ConvergenceView;
import org.oostkit.wrt.query.api.NetworkInsightView;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.query.api.ReasonView;
import org.oostkit.wrt.query.api.ReasonsView;
import org.oostkit.wrt.query.api.ReferralGraphView;
import org.oostkit.wrt.query.api.ShortlistQueries.FindShortlist;
import org.oostkit.wrt.query.api.ShortlistView;
import org.oostkit.wrt.query.api.StatisticsView;
import org.oostkit.wrt.query.insight.NetworkInsight;
import org.oostkit.wrt.query.time.LocalTimes;
import org.oostkit.wrt.web.campaign.AdminPages;
import org.oostkit.wrt.web.campaign.PageModel;
import org.oostkit.wrt.web.results.ResultsPage.Candidate;
import org.oostkit.wrt.web.results.ResultsPage.ChartRow;
import org.oostkit.wrt.web.results.ResultsPage.NetworkRow;
import org.oostkit.wrt.web.results.ResultsPage.Statistics;
import org.oostkit.wrt.web.scope.CampaignScope;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The results of a campaign: ranked convergence list (filtered, paged), statistics, charts drawn on the
 * server as SVG, the referral network (with a table alternative) and the export links.
 */
@Controller
class ResultsController {

    static final String VIEW = "results/results";
    static final int PAGE_SIZE = 50;
    /** Above this many people the network drawing is left out (the table and exports remain). */
    static final int NETWORK_MAX = 600;

    private final AdminPages pages;

    ResultsController(AdminPages pages) {
        this.pages = pages;
    }

    @GetMapping("/org/{slug}/campaigns/{id}/results")
    String results(CampaignScope scope,
                   @RequestParam(required = false) String above, @RequestParam(required = false) String nominated,
                   @RequestParam(required = false) String round, @RequestParam(required = false) String from,
                   @RequestParam(required = false) String to, @RequestParam(defaultValue = "1") int page,
                   Authentication authentication, Model model) {
        OrganisationView organisation = scope.organisation();
        CampaignView campaign = scope.campaign();
        String slug = scope.slug();
        String base = scope.base();
        ResultsFilter filter = ResultsFilter.of(above, nominated, round, from, to);

        int current = Math.max(1, page);
        ZoneId zone = pages.zone(organisation, campaign);
        ConvergenceView convergence = pages.query(new FindConvergence(organisation.organisationId(),
                campaign.campaignId(), filter.toQuery(zone), (current - 1) * PAGE_SIZE, PAGE_SIZE),
                ConvergenceView.class);
        List<Candidate> rows = new ArrayList<>();
        ShortlistView shortlist = pages.query(new FindShortlist(organisation.organisationId(), campaign.campaignId()),
                ShortlistView.class);
        boolean open = shortlist == null || !shortlist.closed();
        int total = convergence == null ? 0 : convergence.total();
        if (convergence != null && !convergence.candidates().isEmpty()) {
            // who named the people of this page and why: one query for the page, not one per person
            ReasonsView reasons = pages.query(new FindReasons(organisation.organisationId(), campaign.campaignId(),
                    convergence.candidates().stream().map(CandidateView::personId).toList()), ReasonsView.class);
            Map<PersonId, List<ReasonView>> byNominee = reasons == null ? Map.of() : reasons.byNominee();
            for (CandidateView candidate : convergence.candidates()) {
                boolean chosen = shortlist != null && shortlist.contains(candidate.personId());
                String told = chosen ? shortlist.mail(candidate.personId())
                        .map(m -> AdminPages.told(m, zone)).orElse("") : "";
                rows.add(Candidate.of(candidate, zone, NamedBy.model(byNominee.getOrDefault(candidate.personId(),
                        List.of()), candidate.nominations()), base, chosen, told, open));
            }
        }
        int pageCount = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        String query = filter.query();
        int threshold = campaign.convergenceThreshold();

        StatisticsView statistics = pages.query(new FindStatistics(organisation.organisationId(),
                campaign.campaignId()), StatisticsView.class);
        ReferralGraphView graph = pages.query(new FindReferralGraph(organisation.organisationId(),
                campaign.campaignId()), ReferralGraphView.class);
        boolean network = graph != null && !graph.edges().isEmpty();
        boolean drawable = network && graph.nodes().size() <= NETWORK_MAX;
        NetworkInsightView insight = network ? NetworkInsight.analyse(graph, threshold) : null;
        NetworkGroups groups = drawable ? new NetworkGroups(graph, insight) : null;

        model.addAllAttributes(pages.page(AdminLanguage.text("title.results", campaign.name()), organisation,
                authentication, "campaign"));
        model.addAllAttributes(PageModel.attributes(new ResultsPage(
                AdminPages.crumbs("/org/" + slug + "/manage", organisation.name(), base, campaign.name(), null,
                        AdminLanguage.text("tab.results")),
                AdminPages.tabs(slug, campaign, "results"), base, campaign.name(), threshold, filter.model(),
                LocalTimes.zoneName(zone), rows, !rows.isEmpty(), total,
                AdminPages.paging(base + "/results?" + (query.isEmpty() ? "" : query + "&"),
                        Math.min(current, pageCount), pageCount),
                base + "/export/csv" + (query.isEmpty() ? "" : "?" + query), base + "/export/pdf",
                shortlist == null ? 0 : shortlist.entries().size(), !open,
                base + "/export/csv?" + (query.isEmpty() ? "" : query + "&") + "bom=true",
                statistics == null ? null : Statistics.of(statistics),
                statistics == null ? null : BarChart.render("new-names",
                        AdminLanguage.text("results.newNamesPerRound"), AdminLanguage.text("chart.newNames.description"),
                        AdminLanguage.text("rounds.round"), AdminLanguage.text("results.newNamesColumn"),
                        statistics.newNamesPerRound().stream()
                                .map(r -> new BarChart.Bar(Integer.toString(r.round()), r.count())).toList()),
                statistics == null ? null : statistics.newNamesPerRound().stream()
                        .map(r -> new ChartRow(AdminLanguage.text("crumb.round", r.round()), r.count(), false)).toList(),
                statistics == null ? null : BarChart.render("distribution",
                        AdminLanguage.text("chart.distribution.title"),
                        AdminLanguage.text("chart.distribution.description", threshold),
                        AdminLanguage.text("chart.distribution.axis"), AdminLanguage.text("campaign.manage.people"),
                        statistics.distribution().stream()
                                .map(b -> new BarChart.Bar(Integer.toString(b.nominators()), b.people())).toList()),
                statistics == null ? null : statistics.distribution().stream()
                        .map(b -> new ChartRow(AdminLanguage.text("chart.distribution.by", b.nominators()), b.people(), b.nominators() >= threshold))
                        .toList(),
                network ? true : null, network ? graph.nodes().size() : null, network ? graph.edges().size() : null,
                network ? drawable : null, drawable ? ReferralNetwork.render(graph, threshold, groups) : null,
                 drawable ? groups.legend() : null, drawable ? groups.any() : null,
                network ? NetworkInsightModel.model(insight) : null, network ? networkTable(graph, insight) : null)));
        return VIEW;
    }

    /**
     * Everyone in the network, in the order of the drawing's layers: who named them and whom they named. The
     * drawing links each person to their row here.
     */
    private static List<NetworkRow> networkTable(ReferralGraphView graph, NetworkInsightView insight) {
        NetworkPeople people = new NetworkPeople(graph);
        List<NetworkRow> rows = new ArrayList<>();
        for (ReferralNetwork.Placed placed : ReferralNetwork.layout(graph, ReferralNetwork.Shape.LIST).people()) {
            ReferralGraphView.Node node = placed.node();
            Integer round = people.firstRound(node.personId());
            rows.add(new NetworkRow(NetworkPeople.anchor(node.personId()), ReferralNetwork.label(node),
                    node.nominations(), round == null ? "" : round.toString(),
                    "SEED".equals(node.source()) ? AdminLanguage.text("source.seed")
                            : AdminLanguage.text("source.nominated"),
                    String.join("; ", people.namedBy(node.personId())),
                    String.join("; ", people.named(node.personId())),
                    insight.group(node.personId()) == null ? "" : insight.group(node.personId()).toString()));
        }
        return rows;
    }

}
