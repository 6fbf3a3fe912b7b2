package org.oostkit.wrt.query;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.api.AsOfQueries.FindConvergenceAsOf;
import org.oostkit.wrt.query.api.AsOfQueries.FindStatisticsAsOf;
import org.oostkit.wrt.query.api.CampaignQueries.CandidateFilter;
import org.oostkit.wrt.query.api.CampaignQueries.FindConvergence;
import org.oostkit.wrt.query.api.CampaignQueries.FindReasons;
import org.oostkit.wrt.query.api.CampaignQueries.FindStatistics;
import org.oostkit.wrt.query.api.CandidateView;
import org.oostkit.wrt.query.api.ConvergenceView;
import org.oostkit.wrt.query.api.ReasonView;
import org.oostkit.wrt.query.api.ReasonsView;
import org.oostkit.wrt.query.api.RoundQueries.FindRound;
import org.oostkit.wrt.query.api.RoundView;
import org.oostkit.wrt.query.api.StatisticsView;
import org.oostkit.wrt.query.support.ReadSideTestSupport;
import org.oostkit.wrt.query.support.ScriptedCampaign;
import org.oostkit.wrt.query.tenant.TenantSchemas;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oostkit.wrt.query.support.ScriptedCampaign.person;

/** Results "as of" an instant, replayed from the event store, against what the live read models showed then. */
class AsOfIntegrationTest extends ReadSideTestSupport {

    /** The live list with each person's reasons (as the results page shows it: the page, then its reasons). */
    private ConvergenceView convergence(ScriptedCampaign s) {
        ConvergenceView page = ask(new FindConvergence(s.organisation, s.campaign, CandidateFilter.ALL, 0, 100),
                ConvergenceView.class);
        Map<PersonId, List<ReasonView>> reasons = ask(new FindReasons(s.organisation, s.campaign,
                page.candidates().stream().map(CandidateView::personId).toList()), ReasonsView.class).byNominee();
        return new ConvergenceView(page.threshold(), page.total(), page.offset(), page.candidates().stream()
                .map(c -> new CandidateView(c.rank(), c.personId(), c.name(), c.email(), c.nominations(),
                        c.aboveThreshold(), c.source(), c.rounds(), c.contactedRound(), c.firstNominatedAt(),
                        reasons.getOrDefault(c.personId(), List.of()))).toList());
    }

    private StatisticsView statistics(ScriptedCampaign s) {
        return ask(new FindStatistics(s.organisation, s.campaign), StatisticsView.class);
    }

    private ConvergenceView convergenceAsOf(ScriptedCampaign s, Instant at) {
        return ask(new FindConvergenceAsOf(s.organisation, s.campaign, at, CandidateFilter.ALL, 0, 100),
                ConvergenceView.class);
    }

    private StatisticsView statisticsAsOf(ScriptedCampaign s, Instant at) {
        return ask(new FindStatisticsAsOf(s.organisation, s.campaign, at), StatisticsView.class);
    }

    @Test
    @DisplayName("results captured at a moment, more nominations later: as of that moment gives the captured results")
    void capturedMoment() {
        ScriptedCampaign script = scriptedCampaign("admin@asof.test");
        ConvergenceView capturedList = convergence(script);
        assertThat(capturedList.candidates().get(0).reasons()).as("the list carries its reasons")
                .extracting(ReasonView::nominatorName, ReasonView::reason).contains(
                        org.assertj.core.groups.Tuple.tuple("Alice", "because Erin knows the site"));
        StatisticsView capturedStatistics = statistics(script);
        Instant moment = lastRecorded(script);

        Map<String, ContactInvited> round2 = script.invited(script.round2);
        script.nominate(round2.get("Gina"), "gina@acme.test", person("Ivan"), person("Erin"), person("Hank"));
        projections().awaitCaughtUp();
        ConvergenceView later = convergence(script);
        assertThat(later).isNotEqualTo(capturedList);
        assertThat(statistics(script).nominations()).isEqualTo(capturedStatistics.nominations() + 3);

        Map<String, String> storedBefore = checksums(List.of(TenantSchemas.schemaOf(script.organisation)));
        assertThat(convergenceAsOf(script, moment)).isEqualTo(capturedList);
        assertThat(statisticsAsOf(script, moment)).isEqualTo(capturedStatistics);
        // as of now: the live results
        assertThat(convergenceAsOf(script, Instant.now())).isEqualTo(later);
        assertThat(statisticsAsOf(script, Instant.now())).isEqualTo(statistics(script));
        // nothing stored changed
        assertThat(checksums(List.of(TenantSchemas.schemaOf(script.organisation)))).isEqualTo(storedBefore);
    }

    @Test
    @DisplayName("as of round 1's close: round 1's nominations only; before the campaign or for another organisation: empty")
    void roundClose() {
        ScriptedCampaign script = scriptedCampaign("admin@asof.test");
        RoundView round1 = ask(new FindRound(script.organisation, script.campaign, 1), RoundView.class);
        assertThat(round1.closedAt()).isNotNull();

        StatisticsView then = statisticsAsOf(script, round1.closedAt());
        assertThat(then.rounds()).isEqualTo(1);
        assertThat(then.roundsCompleted()).isEqualTo(1);
        ConvergenceView list = convergenceAsOf(script, round1.closedAt());
        // round 1: Erin by Alice, Bob, Carol; Frank by Alice, Carol; Gina by Bob, Alice (revised); Alice by Carol
        assertThat(list.candidates()).filteredOn(c -> c.nominations() > 0)
                .extracting(CandidateView::name, CandidateView::nominations)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Erin", 3),
                        org.assertj.core.groups.Tuple.tuple("Frank", 2), org.assertj.core.groups.Tuple.tuple("Gina", 2),
                        org.assertj.core.groups.Tuple.tuple("Alice", 1));

        assertThat(convergenceAsOf(script, Instant.parse("2000-01-01T00:00:00Z")).total()).isZero();
        OrganisationId stranger = wrt().organisation("stranger@asof.test");
        assertThat(ask(new FindConvergenceAsOf(stranger, script.campaign, Instant.now(), CandidateFilter.ALL, 0, 100),
                ConvergenceView.class).total()).isZero();
        assertThat(ask(new FindStatisticsAsOf(stranger, script.campaign, Instant.now()), StatisticsView.class)
                .nominations()).isZero();
    }

    /** The clock a few milliseconds past {@code after}, so events before and after it have distinct times. */
    private static Instant aMomentAfter(Instant after) {
        Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(1))
                .until(() -> Instant.now().isAfter(after.plusMillis(4)));
        return Instant.now();
    }
}
