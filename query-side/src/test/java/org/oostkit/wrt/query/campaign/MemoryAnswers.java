package org.oostkit.wrt.query.campaign;

import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.query.api.CandidateView;
import org.oostkit.wrt.query.api.ConvergenceView;
import org.oostkit.wrt.query.api.StatisticsView;
import org.oostkit.wrt.query.api.StatisticsView.Ranked;
import org.oostkit.wrt.query.projection.ContactRow;
import org.oostkit.wrt.query.projection.PersonRow;
import org.oostkit.wrt.query.projection.RoundRow;
import org.oostkit.wrt.query.sink.MemoryTables;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The ranked list (filter "all") and the statistics of one campaign answered from rows in memory, through
 * {@link CampaignFigures}: what the SQL queries select and order, said again over rows.
 */
final class MemoryAnswers {

    /** Names and ids in the order PostgreSQL gives them for the names the tests use (plain ASCII). */
    private static final Comparator<PersonRow> RANKED = Comparator.<PersonRow>comparingInt(p -> -p.nominatorCount)
            .thenComparing(p -> p.name).thenComparing(p -> p.personId.toString());

    private MemoryAnswers() {
    }

    static ConvergenceView convergence(MemoryTables tables, UUID campaign, int offset, int limit) {
        int threshold = tables.campaign(campaign).settings.convergenceThreshold();
        List<PersonRow> candidates = people(tables, campaign).stream().filter(p -> p.inRoster || p.nominatorCount > 0)
                .sorted(RANKED).toList();
        Map<Integer, Integer> histogram = candidates.stream()
                .collect(Collectors.groupingBy(p -> p.nominatorCount, Collectors.summingInt(p -> 1)));
        Map<Integer, Integer> rankOf = CampaignFigures.ranks(histogram);
        return new ConvergenceView(threshold, candidates.size(), offset, candidates.stream().skip(offset).limit(limit)
                .map(p -> new CandidateView(rankOf.get(p.nominatorCount), new PersonId(p.personId), p.name, p.email,
                        p.nominatorCount, p.nominatorCount >= threshold, p.source,
                        Arrays.stream(p.roundsNamed).boxed().toList(), p.contactedRound, p.firstNominatedAt))
                .toList());
    }

    static StatisticsView statistics(MemoryTables tables, UUID campaign) {
        List<PersonRow> people = people(tables, campaign);
        List<ContactRow> contacts = tables.rows(ContactRow.TABLE).stream().map(ContactRow.class::cast)
                .filter(c -> c.campaignId.equals(campaign)).toList();
        List<RoundRow> rounds = tables.rows(RoundRow.TABLE).stream().map(RoundRow.class::cast)
                .filter(r -> r.campaignId.equals(campaign)).toList();
        Map<List<Integer>, Long> groups = people.stream().collect(Collectors.groupingBy(
                p -> Arrays.asList(p.nominatorCount, p.inRoster ? p.enteredRound : null), Collectors.counting()));
        List<CampaignFigures.People> counted = groups.entrySet().stream().map(g -> new CampaignFigures.People(
                g.getKey().get(0), g.getKey().get(1), g.getValue().intValue())).toList();
        List<Ranked> topNominees = people.stream().filter(p -> p.nominatorCount > 0).sorted(RANKED)
                .limit(CampaignFigures.TOP).map(p -> new Ranked(p.name, p.email, p.nominatorCount)).toList();
        List<Ranked> topNominators = contacts.stream().filter(c -> c.nomineeCount > 0)
                .sorted(Comparator.<ContactRow>comparingInt(c -> -c.nomineeCount).thenComparing(c -> c.name)
                        .thenComparing(c -> c.invitationId.toString()))
                .limit(CampaignFigures.TOP).map(c -> new Ranked(c.name, c.email, c.nomineeCount)).toList();
        return CampaignFigures.statistics(contacts.size(), (int) contacts.stream().filter(c -> c.respondedAt != null)
                        .count(), rounds.size(), (int) rounds.stream().filter(r -> r.status.equals("CLOSED")).count(),
                counted, topNominees, topNominators);
    }

    private static List<PersonRow> people(MemoryTables tables, UUID campaign) {
        return tables.rows(PersonRow.TABLE).stream().map(PersonRow.class::cast)
                .filter(p -> p.campaignId.equals(campaign)).toList();
    }
}
