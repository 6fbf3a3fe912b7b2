package org.oostkit.wrt.web.audit;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.oostkit.wrt.query.api.AsOfQueries.FindConvergenceAsOf;
import org.oostkit.wrt.query.api.ShortlistQueries.FindShortlistAsOf;
import org.oostkit.wrt.query.api.ShortlistView;
import org.oostkit.wrt.query.api.AsOfQueries.FindStatisticsAsOf;
import org.oostkit.wrt.query.api.CampaignQueries.CandidateFilter;
import org.oostkit.wrt.query.api.CandidateView;
import org.oostkit.wrt.query.api.ConvergenceView;
import org.oostkit.wrt.query.api.RoundQueries.FindRounds;
import org.oostkit.wrt.query.api.RoundView;
import org.oostkit.wrt.query.api.StatisticsView;
import org.oostkit.wrt.web.campaign.AdminPages;
import org.oostkit.wrt.web.scope.CampaignScope;
import org.oostkit.wrt.web.results.NamedBy;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The results as they stood at a past instant (admins and auditors): the convergence list and the
 * statistics, computed by replaying the campaign's events up to that instant; nothing stored changes.
 * Quick picks offer each round's start and close.
 */
@Controller
class AsOfController {

    static final String VIEW = "audit/as-of";
    static final int PAGE = 100;

    private final QueryGateway queries;
    private final Clock clock;

    AsOfController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/org/{slug}/campaigns/{id}/results/as-of")
    String asOf(CampaignScope scope, @RequestParam(required = false) String at,
                @RequestParam(defaultValue = "0") int offset, Authentication authentication, Model model) {
        String base = scope.base() + "/results/as-of";
        AuditLayout.layout(model, scope, AdminLanguage.text("title.asOf", scope.campaign().name()), base,
                authentication);
        List<RoundView> rounds = queries.query(new FindRounds(scope.organisation().organisationId(),
                scope.campaign().campaignId()), ResponseTypes.multipleInstancesOf(RoundView.class)).join();
        List<Map<String, Object>> picks = picks(base, rounds);
        model.addAttribute("picks", picks);
        model.addAttribute("hasPicks", !picks.isEmpty());
        model.addAttribute("at", at == null ? "" : at);
        Instant instant;
        try {
            instant = AuditFormat.parse(at);
        } catch (IllegalArgumentException e) {
            model.addAttribute("atError", AdminLanguage.text("asOf.error.moment"));
            return VIEW;
        }
        if (instant == null) {
            return VIEW;
        }
        Instant now = clock.instant();
        if (instant.isAfter(now)) {
            model.addAttribute("atError", AdminLanguage.text("asOf.error.future"));
            return VIEW;
        }
        model.addAttribute("atInput", AuditFormat.input(instant));
        model.addAttribute("shownAt", AuditFormat.shown(instant));
        int from = Math.max(0, offset);
        ConvergenceView list = queries.query(new FindConvergenceAsOf(scope.organisation().organisationId(),
                scope.campaign().campaignId(), instant, CandidateFilter.ALL, from, PAGE), ConvergenceView.class).join();
        StatisticsView statistics = queries.query(new FindStatisticsAsOf(scope.organisation().organisationId(),
                scope.campaign().campaignId(), instant), StatisticsView.class).join();
        ShortlistView shortlist = queries.query(new FindShortlistAsOf(scope.organisation().organisationId(),
                scope.campaign().campaignId(), instant), ShortlistView.class).join();
        model.addAttribute("shortlist", shortlist.entries().stream().map(e -> Map.<String, Object>of(
                "name", e.name() == null ? "" : e.name(), "chosenAt", AuditFormat.shown(e.chosenAt()),
                "chosenBy", e.chosenBy(), "note", e.note())).toList());
        model.addAttribute("hasShortlist", !shortlist.entries().isEmpty());
        model.addAttribute("shortlistClosed", shortlist.closed());
        model.addAttribute("result", true);
        model.addAttribute("threshold", list.threshold());
        model.addAttribute("total", list.total());
        model.addAttribute("candidates", list.candidates().stream().map(AsOfController::candidate).toList());
        model.addAttribute("noCandidates", list.candidates().isEmpty());
        model.addAttribute("statistics", statistics);
        model.addAttribute("hasNewNames", !statistics.newNamesPerRound().isEmpty());
        model.addAttribute("responseRate", AdminPages.percent(statistics.responseRate()));
        model.addAttribute("chao1", String.format(Locale.ROOT, "%.1f", statistics.chao1()));
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(base).queryParam("at", instant.toString());
        model.addAttribute("previousHref", from == 0 ? null
                : link.cloneBuilder().queryParam("offset", Math.max(0, from - PAGE)).build().encode().toUriString());
        model.addAttribute("nextHref", from + PAGE >= list.total() ? null
                : link.cloneBuilder().queryParam("offset", from + PAGE).build().encode().toUriString());
        model.addAttribute("range", list.total() == 0 ? "" : (from + 1) + "–" + Math.min(list.total(), from + PAGE)
                + " of " + list.total());
        return VIEW;
    }

    /** Each round's start and close, in time order: "what did the list look like when round 2 closed". */
    private static List<Map<String, Object>> picks(String base, List<RoundView> rounds) {
        List<Map<String, Object>> picks = new ArrayList<>();
        for (RoundView round : rounds.stream().sorted(Comparator.comparingInt(RoundView::number)).toList()) {
            if (round.startedAt() != null) {
                picks.add(pick(base, AdminLanguage.text("asOf.pick.started", round.number()), round.startedAt()));
            }
            if (round.closedAt() != null) {
                picks.add(pick(base, AdminLanguage.text("asOf.pick.closed", round.number()), round.closedAt()));
            }
        }
        return picks.stream().sorted(Comparator.comparing(p -> (Instant) p.get("instant")))
                .collect(Collectors.toList());
    }

    private static Map<String, Object> pick(String base, String label, Instant at) {
        Map<String, Object> pick = new HashMap<>();
        pick.put("label", label);
        pick.put("instant", at);
        pick.put("shown", AuditFormat.shown(at));
        pick.put("href", UriComponentsBuilder.fromPath(base).queryParam("at", at.toString()).build().encode()
                .toUriString());
        return pick;
    }

    private static Map<String, Object> candidate(CandidateView c) {
        Map<String, Object> row = new HashMap<>();
        row.put("rank", c.rank());
        row.put("name", c.name());
        row.put("email", c.email());
        row.put("nominations", c.nominations());
        row.put("aboveThreshold", c.aboveThreshold());
        row.put("source", c.source() == null ? "" : c.source().toLowerCase(Locale.ROOT));
        row.put("rounds", c.rounds() == null ? "" : c.rounds().stream().map(String::valueOf)
                .collect(Collectors.joining(", ")));
        row.put("namedBy", NamedBy.model(c.reasons(), c.nominations()));
        return row;
    }
}
