package org.oostkit.wrt.web.audit;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.oostkit.wrt.query.api.AsOfQueries.FindConvergenceAsOf;
import org.oostkit.wrt.query.api.AsOfQueries.FindStatisticsAsOf;
import org.oostkit.wrt.query.api.CampaignQueries.CandidateFilter;
import org.oostkit.wrt.query.api.CandidateView;
import org.oostkit.wrt.query.api.ConvergenceView;
import org.oostkit.wrt.query.api.RoundQueries.FindRounds;
import org.oostkit.wrt.query.api.RoundView;
import org.oostkit.wrt.query.api.ShortlistQueries.FindShortlistAsOf;
import org.oostkit.wrt.query.api.ShortlistView;
import org.oostkit.wrt.query.api.StatisticsView;
import org.oostkit.wrt.query.export.ReportNumbers;
import org.oostkit.wrt.web.campaign.AdminPages;
import org.oostkit.wrt.web.campaign.PageModel;
import org.oostkit.wrt.web.results.NamedBy;
import org.oostkit.wrt.web.scope.CampaignScope;
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
        List<Pick> picks = picks(base, rounds);
        String typed = at == null ? "" : at;
        Instant instant;
        try {
            instant = AuditFormat.parse(at);
        } catch (IllegalArgumentException e) {
            model.addAllAttributes(PageModel.attributes(AsOfPage.choosing(picks, typed,
                    AdminLanguage.text("asOf.error.moment"))));
            return VIEW;
        }
        if (instant == null) {
            model.addAllAttributes(PageModel.attributes(AsOfPage.choosing(picks, typed, null)));
            return VIEW;
        }
        Instant now = clock.instant();
        if (instant.isAfter(now)) {
            model.addAllAttributes(PageModel.attributes(AsOfPage.choosing(picks, typed,
                    AdminLanguage.text("asOf.error.future"))));
            return VIEW;
        }
        int from = Math.max(0, offset);
        ConvergenceView list = queries.query(new FindConvergenceAsOf(scope.organisation().organisationId(),
                scope.campaign().campaignId(), instant, CandidateFilter.ALL, from, PAGE), ConvergenceView.class).join();
        StatisticsView statistics = queries.query(new FindStatisticsAsOf(scope.organisation().organisationId(),
                scope.campaign().campaignId(), instant), StatisticsView.class).join();
        ShortlistView shortlist = queries.query(new FindShortlistAsOf(scope.organisation().organisationId(),
                scope.campaign().campaignId(), instant), ShortlistView.class).join();
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(base).queryParam("at", instant.toString());
        model.addAllAttributes(PageModel.attributes(new AsOfPage(picks, !picks.isEmpty(), typed, null,
                AuditFormat.input(instant), AuditFormat.shown(instant),
                shortlist.entries().stream().map(e -> new Chosen(e.name() == null ? "" : e.name(),
                        AuditFormat.shown(e.chosenAt()), e.chosenBy(), e.note(), shortlist.mail(e.personId())
                        .map(m -> AdminPages.told(m, AuditFormat::shown))
                        .orElse(AdminLanguage.text("shortlist.notTold")))).toList(),
                !shortlist.entries().isEmpty(), shortlist.closed(), true, list.threshold(), list.total(),
                list.candidates().stream().map(Candidate::of).toList(), list.candidates().isEmpty(), statistics,
                !statistics.newNamesPerRound().isEmpty(), ReportNumbers.percent(statistics.responseRate()),
                String.format(Locale.ROOT, "%.1f", statistics.chao1()),
                from == 0 ? null : link.cloneBuilder().queryParam("offset", Math.max(0, from - PAGE)).build().encode()
                        .toUriString(),
                from + PAGE >= list.total() ? null
                        : link.cloneBuilder().queryParam("offset", from + PAGE).build().encode().toUriString(),
                list.total() == 0 ? "" : AdminLanguage.text("asOf.range", from + 1, Math.min(list.total(), from + PAGE),
                        list.total()))));
        return VIEW;
    }

    /**
     * The results as of a moment ({@code audit/as-of}); until a valid past moment is given only the picks, the
     * typed moment and its problem are there (the rest null, left out).
     */
    record AsOfPage(List<Pick> picks, boolean hasPicks, String at, String atError, String atInput, String shownAt,
                    List<Chosen> shortlist, Boolean hasShortlist, Boolean shortlistClosed, Boolean result,
                    Integer threshold, Integer total, List<Candidate> candidates, Boolean noCandidates,
                    StatisticsView statistics, Boolean hasNewNames, String responseRate, String chao1,
                    String previousHref, String nextHref, String range) {

        static AsOfPage choosing(List<Pick> picks, String at, String atError) {
            return new AsOfPage(picks, !picks.isEmpty(), at, atError, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null);
        }
    }

    /** A moment to look at: a round's start or close. */
    record Pick(String label, Instant instant, String shown, String href) {
    }

    record Chosen(String name, String chosenAt, String chosenBy, String note, String told) {
    }

    record Candidate(int rank, String name, String email, int nominations, boolean aboveThreshold, String source,
                     String rounds, NamedBy.Toggle namedBy) {

        static Candidate of(CandidateView c) {
            return new Candidate(c.rank(), c.name(), c.email(), c.nominations(), c.aboveThreshold(),
                    c.source() == null ? "" : c.source().toLowerCase(Locale.ROOT),
                    c.rounds() == null ? "" : c.rounds().stream().map(String::valueOf).collect(Collectors.joining(", ")),
                    NamedBy.model(c.reasons(), c.nominations()));
        }
    }

    /** Each round's start and close, in time order: "what did the list look like when round 2 closed". */
    private static List<Pick> picks(String base, List<RoundView> rounds) {
        List<Pick> picks = new ArrayList<>();
        for (RoundView round : rounds.stream().sorted(Comparator.comparingInt(RoundView::number)).toList()) {
            if (round.startedAt() != null) {
                picks.add(pick(base, AdminLanguage.text("asOf.pick.started", round.number()), round.startedAt()));
            }
            if (round.closedAt() != null) {
                picks.add(pick(base, AdminLanguage.text("asOf.pick.closed", round.number()), round.closedAt()));
            }
        }
        return picks.stream().sorted(Comparator.comparing(Pick::instant)).collect(Collectors.toList());
    }

    private static Pick pick(String base, String label, Instant at) {
        return new Pick(label, at, AuditFormat.shown(at),
                UriComponentsBuilder.fromPath(base).queryParam("at", at.toString()).build().encode().toUriString());
    }
}
