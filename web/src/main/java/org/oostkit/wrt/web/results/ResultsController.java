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
import org.oostkit.wrt.web.scope.CampaignScope;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

        model.addAllAttributes(pages.page(AdminLanguage.text("title.results", campaign.name()), organisation,
                authentication, "campaign"));
        model.addAttribute("crumbs", AdminPages.crumbs("/org/" + slug + "/manage", organisation.name(), base,
                campaign.name(), null, AdminLanguage.text("tab.results")));
        model.addAttribute("tabs", AdminPages.tabs(slug, campaign, "results"));
        model.addAttribute("base", base);
        model.addAttribute("campaignName", campaign.name());
        model.addAttribute("threshold", campaign.convergenceThreshold());
        model.addAttribute("filter", filter.model());

        int current = Math.max(1, page);
        ZoneId zone = pages.zone(organisation, campaign);
        model.addAttribute("zone", LocalTimes.zoneName(zone));
        ConvergenceView convergence = pages.query(new FindConvergence(organisation.organisationId(),
                campaign.campaignId(), filter.toQuery(zone), (current - 1) * PAGE_SIZE, PAGE_SIZE),
                ConvergenceView.class);
        List<Map<String, Object>> rows = new ArrayList<>();
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
                Map<String, Object> row = candidate(candidate, zone);
                row.put("namedBy", NamedBy.model(byNominee.getOrDefault(candidate.personId(), List.of()),
                        candidate.nominations()));
                boolean chosen = shortlist != null && shortlist.contains(candidate.personId());
                row.put("personHref", base + "/people/" + candidate.personId());
                row.put("choosePerson", candidate.personId().toString());
                row.put("chooseName", AdminPages.text(candidate.name()));
                row.put("chooseBack", "results");
                row.put("chosen", chosen);
                row.put("canChoose", open && !chosen);
                rows.add(row);
            }
        }
        int pageCount = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("candidates", rows);
        model.addAttribute("hasCandidates", !rows.isEmpty());
        model.addAttribute("total", total);
        String query = filter.query();
        model.addAttribute("paging", AdminPages.paging(base + "/results?" + (query.isEmpty() ? "" : query + "&"),
                Math.min(current, pageCount), pageCount));
        model.addAttribute("csvHref", base + "/export/csv" + (query.isEmpty() ? "" : "?" + query));
        model.addAttribute("pdfHref", base + "/export/pdf");
        model.addAttribute("shortlistCount", shortlist == null ? 0 : shortlist.entries().size());
        model.addAttribute("shortlistClosed", !open);
        model.addAttribute("csvExcelHref", base + "/export/csv?" + (query.isEmpty() ? "" : query + "&") + "bom=true");

        StatisticsView statistics = pages.query(new FindStatistics(organisation.organisationId(),
                campaign.campaignId()), StatisticsView.class);
        if (statistics != null) {
            model.addAttribute("stats", statistics(statistics));
            List<BarChart.Bar> newNames = statistics.newNamesPerRound().stream()
                    .map(r -> new BarChart.Bar(Integer.toString(r.round()), r.count())).toList();
            model.addAttribute("newNamesChart", BarChart.render("new-names",
                    AdminLanguage.text("results.newNamesPerRound"),
                    AdminLanguage.text("chart.newNames.description"), AdminLanguage.text("rounds.round"),
                    AdminLanguage.text("results.newNamesColumn"), newNames));
            model.addAttribute("newNamesTable", statistics.newNamesPerRound().stream()
                    .map(r -> Map.<String, Object>of("label", AdminLanguage.text("crumb.round", r.round()),
                            "value", r.count())).toList());
            List<BarChart.Bar> buckets = statistics.distribution().stream()
                    .map(b -> new BarChart.Bar(Integer.toString(b.nominators()), b.people())).toList();
            model.addAttribute("distributionChart", BarChart.render("distribution",
                    AdminLanguage.text("chart.distribution.title"),
                    AdminLanguage.text("chart.distribution.description", campaign.convergenceThreshold()),
                    AdminLanguage.text("chart.distribution.axis"), AdminLanguage.text("campaign.manage.people"),
                    buckets));
            model.addAttribute("distributionTable", statistics.distribution().stream()
                    .map(b -> Map.<String, Object>of(
                            "label", AdminLanguage.text("chart.distribution.by", b.nominators()),
                            "value", b.people(),
                            "above", b.nominators() >= campaign.convergenceThreshold())).toList());
        }

        ReferralGraphView graph = pages.query(new FindReferralGraph(organisation.organisationId(),
                campaign.campaignId()), ReferralGraphView.class);
        if (graph != null && !graph.edges().isEmpty()) {
            model.addAttribute("hasNetwork", true);
            model.addAttribute("networkPeople", graph.nodes().size());
            model.addAttribute("networkEdges", graph.edges().size());
            boolean drawable = graph.nodes().size() <= NETWORK_MAX;
            model.addAttribute("networkDrawn", drawable);
            if (drawable) {
                model.addAttribute("networkSvg", ReferralNetwork.render(graph, campaign.convergenceThreshold()));
            }
            NetworkInsightView insight = NetworkInsight.analyse(graph, campaign.convergenceThreshold());
            model.addAttribute("insight", NetworkInsightModel.model(insight));
            model.addAttribute("networkTable", networkTable(graph, insight));
        }
        return VIEW;
    }

    private static Map<String, Object> candidate(CandidateView candidate, ZoneId zone) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("rank", candidate.rank());
        row.put("name", AdminPages.text(candidate.name()));
        row.put("email", AdminPages.text(candidate.email()));
        row.put("nominations", candidate.nominations());
        row.put("above", candidate.aboveThreshold());
        row.put("source", "SEED".equals(candidate.source())
                ? AdminLanguage.text("source.seed") : AdminLanguage.text("source.nominated"));
        row.put("rounds", candidate.rounds() == null ? "" : candidate.rounds().stream().map(String::valueOf)
                .collect(Collectors.joining(", ")));
        row.put("contacted", candidate.contactedRound() == null ? "" : "round " + candidate.contactedRound());
        row.put("wasContacted", candidate.contactedRound() != null);
        row.put("firstNamed", LocalTimes.shortMoment(candidate.firstNominatedAt(), zone, AdminLanguage.locale()));
        return row;
    }

    private Map<String, Object> statistics(StatisticsView s) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("contacted", s.contacted());
        model.put("responded", s.responded());
        model.put("responseRate", AdminPages.percent(s.responseRate()));
        model.put("nominations", s.nominations());
        model.put("distinctNominees", s.distinctNominees());
        model.put("rounds", s.rounds());
        model.put("roundsCompleted", s.roundsCompleted());
        model.put("namedOnce", s.namedOnce());
        model.put("namedTwice", s.namedTwice());
        model.put("estimatedUnnamed", s.estimatedUnnamed());
        model.put("chao1", Math.round(s.chao1()));
        model.put("topNominees", ranked(s.topNominees()));
        model.put("hasTopNominees", !s.topNominees().isEmpty());
        model.put("topNominators", ranked(s.topNominators()));
        model.put("hasTopNominators", !s.topNominators().isEmpty());
        return model;
    }

    private static List<Map<String, Object>> ranked(List<StatisticsView.Ranked> ranked) {
        return ranked.stream().map(r -> Map.<String, Object>of("name", AdminPages.text(r.name()),
                "email", AdminPages.text(r.email()), "count", r.count())).toList();
    }

    /**
     * Everyone in the network, in the order of the drawing's layers: who named them and whom they named. The
     * drawing links each person to their row here.
     */
    private static List<Map<String, Object>> networkTable(ReferralGraphView graph, NetworkInsightView insight) {
        NetworkPeople people = new NetworkPeople(graph);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ReferralNetwork.Placed placed : ReferralNetwork.layout(graph, ReferralNetwork.Shape.LIST).people()) {
            ReferralGraphView.Node node = placed.node();
            Integer round = people.firstRound(node.personId());
            rows.add(Map.of("anchor", NetworkPeople.anchor(node.personId()), "name", ReferralNetwork.label(node),
                    "count", node.nominations(), "firstRound", round == null ? "" : round.toString(),
                    "source", "SEED".equals(node.source())
                            ? AdminLanguage.text("source.seed") : AdminLanguage.text("source.nominated"),
                    "by", String.join("; ", people.namedBy(node.personId())),
                    "named", String.join("; ", people.named(node.personId())),
                    "group", insight.group(node.personId()) == null ? "" : insight.group(node.personId()).toString()));
        }
        return rows;
    }

}
