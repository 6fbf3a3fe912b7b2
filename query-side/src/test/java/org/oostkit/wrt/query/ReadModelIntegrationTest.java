package org.oostkit.wrt.query;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oostkit.wrt.query.api.CampaignQueries.CandidateFilter;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaign;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaigns;
import org.oostkit.wrt.query.api.CampaignQueries.FindConvergence;
import org.oostkit.wrt.query.api.CampaignQueries.FindReasons;
import org.oostkit.wrt.query.api.CampaignQueries.FindReferralGraph;
import org.oostkit.wrt.query.api.CampaignQueries.FindRoster;
import org.oostkit.wrt.query.api.CampaignQueries.FindRoundReasons;
import org.oostkit.wrt.query.api.CampaignQueries.FindStatistics;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.CandidateView;
import org.oostkit.wrt.query.api.ContactView;
import org.oostkit.wrt.query.api.ConvergenceView;
import org.oostkit.wrt.query.api.PersonView;
import org.oostkit.wrt.query.api.ReasonView;
import org.oostkit.wrt.query.api.ReasonsView;
import org.oostkit.wrt.query.api.ReferralGraphView;
import org.oostkit.wrt.query.api.RosterView;
import org.oostkit.wrt.query.api.RoundQueries.FindContacts;
import org.oostkit.wrt.query.api.RoundQueries.FindRound;
import org.oostkit.wrt.query.api.RoundQueries.FindRounds;
import org.oostkit.wrt.query.api.RoundView;
import org.oostkit.wrt.query.api.StatisticsView;
import org.oostkit.wrt.query.api.StatisticsView.Bucket;
import org.oostkit.wrt.query.api.StatisticsView.RoundCount;
import org.oostkit.wrt.query.support.ReadSideTestSupport;
import org.oostkit.wrt.query.support.ScriptedCampaign;
import org.axonframework.messaging.responsetypes.ResponseTypes;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The read models after the scripted two-round campaign, through the query gateway. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadModelIntegrationTest extends ReadSideTestSupport {

    private ScriptedCampaign script;

    @BeforeAll
    void runScript() {
        script = scriptedCampaign("admin@readmodels.test");
    }

    @Test
    @DisplayName("campaign summary: settings, roster size, rounds, response rate, nominations")
    void campaignSummary() {
        CampaignView view = ask(new FindCampaign(script.organisation, script.campaign), CampaignView.class);
        assertThat(view.name()).isEqualTo("Future of the plant");
        assertThat(view.people()).isEqualTo(8);
        assertThat(view.seedPeople()).isEqualTo(4);
        assertThat(view.nominatedPeople()).isEqualTo(4);
        assertThat(view.notYetContacted()).isEqualTo(1);
        assertThat(view.rounds()).isEqualTo(2);
        assertThat(view.openRound()).isEqualTo(2);
        assertThat(view.contacted()).isEqualTo(7);
        assertThat(view.responded()).isEqualTo(5);
        assertThat(view.responseRate()).isEqualTo(5 / 7.0);
        assertThat(view.nominations()).isEqualTo(11);
        assertThat(view.aboveThreshold()).isEqualTo(4);
        assertThat(queries.query(new FindCampaigns(script.organisation), ResponseTypes.multipleInstancesOf(CampaignView.class))
                .join()).extracting(CampaignView::campaignId).containsExactly(script.campaign);
    }

    @Test
    @DisplayName("round status counts each delivery step and the responses")
    void roundStatus() {
        RoundView first = ask(new FindRound(script.organisation, script.campaign, 1), RoundView.class);
        assertThat(first.status()).isEqualTo("CLOSED");
        assertThat(first.closeReason()).isEqualTo("CLOSED_BY_ADMIN");
        assertThat(List.of(first.contacted(), first.sent(), first.delivered(), first.opened(), first.bounced(),
                first.linkOpened(), first.verified(), first.responded())).containsExactly(4, 4, 1, 1, 1, 3, 3, 3);
        RoundView second = ask(new FindRound(script.organisation, script.campaign, 2), RoundView.class);
        assertThat(second.open()).isTrue();
        assertThat(second.contacted()).isEqualTo(3);
        assertThat(second.responded()).isEqualTo(2);
        assertThat(queries.query(new FindRounds(script.organisation, script.campaign),
                ResponseTypes.multipleInstancesOf(RoundView.class)).join()).extracting(RoundView::number)
                .containsExactly(1, 2);
    }

    @Test
    @DisplayName("contact tracking: one row per invitation with its timeline, filterable by status")
    void contacts() {
        List<ContactView> all = queries.query(new FindContacts(script.organisation, script.campaign, 1, null),
                ResponseTypes.multipleInstancesOf(ContactView.class)).join();
        assertThat(all).extracting(ContactView::name, ContactView::deliveryStatus, ContactView::nominees)
                .containsExactly(tuple("Alice", "OPENED", 3), tuple("Bob", "SENT", 2), tuple("Carol", "SENT", 3),
                        tuple("Dan", "BOUNCED", 0));
        ContactView alice = all.get(0);
        assertThat(alice.deliveredAt()).isNotNull();
        assertThat(alice.openedAt()).isAfter(alice.deliveredAt());
        assertThat(alice.verifiedAt()).isNotNull();
        assertThat(alice.respondedAt()).isNotNull();
        assertThat(queries.query(new FindContacts(script.organisation, script.campaign, 1, "bounced"),
                ResponseTypes.multipleInstancesOf(ContactView.class)).join()).extracting(ContactView::name)
                .containsExactly("Dan");
        assertThat(queries.query(new FindContacts(script.organisation, script.campaign, 1, "NOT_RESPONDED"),
                ResponseTypes.multipleInstancesOf(ContactView.class)).join()).extracting(ContactView::name)
                .containsExactly("Dan");
    }

    @Test
    @DisplayName("roster: seed and nominated people, who was asked in which round, and who the next round asks")
    void roster() {
        RosterView roster = ask(new FindRoster(script.organisation, script.campaign), RosterView.class);
        assertThat(roster.people()).hasSize(8);
        assertThat(roster.people()).filteredOn(p -> p.source().equals("SEED")).extracting(PersonView::contactedRound)
                .containsOnly(1);
        assertThat(roster.people()).filteredOn(p -> p.name().equals("Gina")).singleElement()
                .satisfies(p -> {
                    assertThat(p.enteredRound()).isEqualTo(1);
                    assertThat(p.contactedRound()).isEqualTo(2);
                });
        assertThat(roster.nextRound()).extracting(PersonView::name).containsExactly("Hank");
    }

    @Test
    @DisplayName("convergence: distinct nominators, a revised list replacing the earlier one, ties by name")
    void convergence() {
        ConvergenceView all = ask(FindConvergence.firstPage(script.organisation, script.campaign, CandidateFilter.ALL),
                ConvergenceView.class);
        assertThat(all.threshold()).isEqualTo(2);
        assertThat(all.total()).isEqualTo(8);
        assertThat(all.candidates()).extracting(CandidateView::rank, CandidateView::name, CandidateView::nominations,
                        CandidateView::aboveThreshold)
                .startsWith(tuple(1, "Erin", 3, true), tuple(1, "Gina", 3, true), tuple(3, "Frank", 2, true),
                        tuple(3, "Hank", 2, true), tuple(5, "Alice", 1, false));
        CandidateView gina = all.candidates().get(1);
        assertThat(gina.rounds()).containsExactly(1, 2);
        assertThat(gina.source()).isEqualTo("NOMINATED");
        assertThat(gina.contactedRound()).isEqualTo(2);
        assertThat(all.candidates().get(3).contactedRound()).isNull(); // Hank: not asked yet

        assertThat(names(new CandidateFilter(true, false, null, null, null))).containsExactly("Erin", "Gina", "Frank", "Hank");
        assertThat(names(new CandidateFilter(false, true, null, null, null))).hasSize(5);
        assertThat(names(new CandidateFilter(false, false, 2, null, null))).containsExactly("Gina", "Hank");
        ConvergenceView page = ask(new FindConvergence(script.organisation, script.campaign, CandidateFilter.ALL, 2, 2),
                ConvergenceView.class);
        assertThat(page.total()).isEqualTo(8);
        assertThat(page.candidates()).extracting(CandidateView::name).containsExactly("Frank", "Hank");
    }

    @Test
    @DisplayName("statistics: response rate, saturation curve, distribution, top lists and the Chao1 estimate")
    void statistics() {
        StatisticsView stats = ask(new FindStatistics(script.organisation, script.campaign), StatisticsView.class);
        assertThat(stats.contacted()).isEqualTo(7);
        assertThat(stats.responded()).isEqualTo(5);
        assertThat(stats.nominations()).isEqualTo(11);
        assertThat(stats.distinctNominees()).isEqualTo(5);
        assertThat(stats.rounds()).isEqualTo(2);
        assertThat(stats.roundsCompleted()).isEqualTo(1);
        assertThat(stats.newNamesPerRound()).containsExactly(new RoundCount(1, 3), new RoundCount(2, 1));
        assertThat(stats.distribution()).containsExactly(new Bucket(1, 1), new Bucket(2, 2), new Bucket(3, 2));
        assertThat(stats.topNominees()).extracting(StatisticsView.Ranked::name).startsWith("Erin", "Gina", "Frank");
        assertThat(stats.topNominators()).extracting(StatisticsView.Ranked::name, StatisticsView.Ranked::count)
                .containsExactly(tuple("Alice", 3), tuple("Carol", 3), tuple("Bob", 2), tuple("Erin", 2),
                        tuple("Frank", 1));
        assertThat(stats.namedOnce()).isEqualTo(1);
        assertThat(stats.namedTwice()).isEqualTo(2);
        assertThat(stats.chao1()).isEqualTo(5.25);
        assertThat(stats.estimatedUnnamed()).isZero();
    }

    @Test
    @DisplayName("referral graph: who nominated whom")
    void graph() {
        ReferralGraphView graph = ask(new FindReferralGraph(script.organisation, script.campaign), ReferralGraphView.class);
        assertThat(graph.nodes()).hasSize(8);
        assertThat(graph.edges()).hasSize(11);
        assertThat(graph.edges()).filteredOn(e -> e.round() == 2).hasSize(3);
    }

    @Test
    @DisplayName("reasons: who named each person of a page and why, and whom each contact of a round named")
    void reasons() {
        ConvergenceView page = ask(FindConvergence.firstPage(script.organisation, script.campaign, CandidateFilter.ALL),
                ConvergenceView.class);
        CandidateView gina = page.candidates().stream().filter(c -> c.name().equals("Gina")).findFirst().orElseThrow();
        ReasonsView reasons = ask(new FindReasons(script.organisation, script.campaign,
                page.candidates().stream().map(CandidateView::personId).toList()), ReasonsView.class);
        assertThat(reasons.reasons()).hasSize(11);
        // by round, then nominator; Alice's revised list counts once, with its reason
        assertThat(reasons.byNominee().get(gina.personId()))
                .extracting(ReasonView::nominatorName, ReasonView::roundNumber, ReasonView::reason)
                .containsExactly(tuple("Alice", 1, "because Gina knows the site"),
                        tuple("Bob", 1, "because Gina knows the site"), tuple("Erin", 2, "because Gina knows the site"));
        assertThat(ask(new FindReasons(script.organisation, script.campaign, List.of()), ReasonsView.class).reasons())
                .isEmpty();
        assertThat(ask(new FindReasons(wrt().organisation("other@readmodels.test"), script.campaign,
                List.of(gina.personId())), ReasonsView.class).reasons()).as("another organisation sees none").isEmpty();

        ReasonsView round2 = ask(new FindRoundReasons(script.organisation, script.campaign, 2), ReasonsView.class);
        assertThat(round2.reasons()).extracting(ReasonView::nominatorName, ReasonView::nomineeName)
                .containsExactly(tuple("Erin", "Gina"), tuple("Erin", "Hank"), tuple("Frank", "Hank"));
        assertThat(round2.byNominator()).hasSize(2);
        assertThat(round2.nominatorsLeftOut()).isZero();
    }

    private List<String> names(CandidateFilter filter) {
        return ask(FindConvergence.firstPage(script.organisation, script.campaign, filter), ConvergenceView.class)
                .candidates().stream().map(CandidateView::name).toList();
    }
}
