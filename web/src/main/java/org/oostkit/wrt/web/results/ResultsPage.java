package org.oostkit.wrt.web.results;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.query.api.CandidateView;
import org.oostkit.wrt.query.api.StatisticsView;
import org.oostkit.wrt.query.export.ReportNumbers;
import org.oostkit.wrt.query.time.LocalTimes;
import org.oostkit.wrt.web.campaign.AdminPages.Crumb;
import org.oostkit.wrt.web.campaign.AdminPages.NavItem;
import org.oostkit.wrt.web.campaign.AdminPages.Paging;
import org.oostkit.wrt.web.campaign.AdminPages;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The results page ({@code results/results}) on top of the admin frame; component names are the template's
 * variable names; the statistics and the network parts are null (left out) when there is nothing to show, and
 * {@code networkSvg} also above the drawing's limit.
 */
record ResultsPage(List<Crumb> crumbs, List<NavItem> tabs, String base, String campaignName, int threshold,
                   ResultsFilter.Form filter, String zone, List<Candidate> candidates, boolean hasCandidates,
                   int total, Paging paging, String csvHref, String pdfHref, int shortlistCount,
                   boolean shortlistClosed, String csvExcelHref, Statistics stats, String newNamesChart,
                   List<ChartRow> newNamesTable, String distributionChart, List<ChartRow> distributionTable,
                   Boolean hasNetwork, Integer networkPeople, Integer networkEdges, Boolean networkDrawn,
                   String networkSvg, List<NetworkGroups.LegendLine> networkLegend, Boolean hasNetworkLegend,
                   NetworkInsightModel.Insight insight, List<NetworkRow> networkTable) {

    /** One ranked person, with who named them and whether they can still be chosen for the shortlist. */
    record Candidate(int rank, String name, String email, int nominations, boolean above, String source,
                     String rounds, String contacted, boolean wasContacted, String firstNamed,
                     NamedBy.Toggle namedBy, String personHref, String choosePerson, String chooseName,
                     String chooseBack, boolean chosen, String told, boolean hasTold, boolean canChoose) {

        static Candidate of(CandidateView candidate, ZoneId zone, NamedBy.Toggle namedBy, String base,
                            boolean chosen, String told, boolean shortlistOpen) {
            return new Candidate(candidate.rank(), AdminPages.text(candidate.name()),
                    AdminPages.text(candidate.email()), candidate.nominations(), candidate.aboveThreshold(),
                    "SEED".equals(candidate.source()) ? AdminLanguage.text("source.seed")
                            : AdminLanguage.text("source.nominated"),
                    candidate.rounds() == null ? "" : candidate.rounds().stream().map(String::valueOf)
                            .collect(Collectors.joining(", ")),
                    candidate.contactedRound() == null ? "" : AdminLanguage.text("results.contactedRound", candidate.contactedRound()),
                    candidate.contactedRound() != null, LocalTimes.shortMoment(candidate.firstNominatedAt(), zone, AdminLanguage.locale()),
                    namedBy, base + "/people/" + candidate.personId(), candidate.personId().toString(),
                    AdminPages.text(candidate.name()), "results", chosen, told, !told.isEmpty(),
                    shortlistOpen && !chosen);
        }
    }

    record Statistics(int contacted, int responded, String responseRate, int nominations, int distinctNominees,
                      int rounds, int roundsCompleted, int namedOnce, int namedTwice, int estimatedUnnamed,
                      long chao1, List<RankedRow> topNominees, boolean hasTopNominees, List<RankedRow> topNominators,
                      boolean hasTopNominators) {

        static Statistics of(StatisticsView s) {
            return new Statistics(s.contacted(), s.responded(), ReportNumbers.percent(s.responseRate()),
                    s.nominations(), s.distinctNominees(), s.rounds(), s.roundsCompleted(), s.namedOnce(),
                    s.namedTwice(), s.estimatedUnnamed(), Math.round(s.chao1()), ranked(s.topNominees()),
                    !s.topNominees().isEmpty(), ranked(s.topNominators()), !s.topNominators().isEmpty());
        }

        private static List<RankedRow> ranked(List<StatisticsView.Ranked> ranked) {
            return ranked.stream().map(r -> new RankedRow(AdminPages.text(r.name()), AdminPages.text(r.email()),
                    r.count())).toList();
        }
    }

    record RankedRow(String name, String email, int count) {
    }

    /** A row of a chart's table alternative; {@code above} marks counts at or above the threshold. */
    record ChartRow(String label, int value, boolean above) {
    }

    /** A person of the network table, anchored so the drawing can link to the row. */
    record NetworkRow(String anchor, String name, int count, String firstRound, String source, String by,
                      String named, String group) {
    }
}
