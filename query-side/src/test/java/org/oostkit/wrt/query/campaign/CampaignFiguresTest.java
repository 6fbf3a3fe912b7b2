package org.oostkit.wrt.query.campaign;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignCreated;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.campaign.PersonNominatedIntoCampaign;
import org.oostkit.wrt.api.campaign.SeedPersonAdded;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.nomination.NominationId;
import org.oostkit.wrt.api.nomination.NominationSubmitted;
import org.oostkit.wrt.api.nomination.Nominee;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RoundCloseReason;
import org.oostkit.wrt.api.round.RoundClosed;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.api.round.RoundStarted;
import org.oostkit.wrt.query.api.CandidateView;
import org.oostkit.wrt.query.api.ConvergenceView;
import org.oostkit.wrt.query.api.StatisticsView;
import org.oostkit.wrt.query.api.StatisticsView.Bucket;
import org.oostkit.wrt.query.api.StatisticsView.Ranked;
import org.oostkit.wrt.query.api.StatisticsView.RoundCount;
import org.oostkit.wrt.query.projection.ReadModelRules;
import org.oostkit.wrt.query.sink.MemoryTables;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Ranking and statistics as plain objects: given events, the rows the rules leave and the answers
 * {@link CampaignFigures} gives from them; {@code CampaignFiguresIntegrationTest} shows the SQL gives the same.
 * <pre>
 * seeds Ann, Ben, Cy, Dee; threshold 2
 * round 1: Ann names Xa, Yu; Ben names Xa, Yu; Cy names Xa, Zed; Dee does not answer; closed
 * round 2: Xa names Ann, Vi
 * </pre>
 */
class CampaignFiguresTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final OrganisationId org = OrganisationId.random();
    private final CampaignId campaign = CampaignId.random();
    private final MemoryTables tables = new MemoryTables();
    private final Map<String, PersonId> people = new HashMap<>();
    private Instant now = T0;

    @BeforeEach
    void campaign() {
        given(new CampaignCreated(org, campaign, new CampaignSettings("Experts", "", 2, 14, false, 2, "")));
        for (String seed : List.of("Ann", "Ben", "Cy", "Dee")) {
            given(new SeedPersonAdded(org, campaign, id(seed), seed, seed + "@x.test"));
        }
        RoundId round1 = RoundId.random();
        given(new RoundStarted(org, campaign, round1, 1, T0.plus(Duration.ofDays(7)), null, 4));
        answer(round1, 1, "Ann", "Xa", "Yu");
        answer(round1, 1, "Ben", "Xa", "Yu");
        answer(round1, 1, "Cy", "Xa", "Zed");
        answer(round1, 1, "Dee");
        given(new RoundClosed(org, campaign, round1, 1, RoundCloseReason.DEADLINE_PASSED));
        RoundId round2 = RoundId.random();
        given(new RoundStarted(org, campaign, round2, 2, T0.plus(Duration.ofDays(14)), null, 1));
        answer(round2, 2, "Xa", "Ann", "Vi");
    }

    @Test
    @DisplayName("the ranked list: by distinct nominators, ties share a rank and the next rank skips them")
    void ranking() {
        ConvergenceView all = MemoryAnswers.convergence(tables, campaign.value(), 0, 100);
        assertThat(all.threshold()).isEqualTo(2);
        assertThat(all.total()).as("the roster and everyone named").isEqualTo(8);
        assertThat(all.candidates()).extracting(CandidateView::rank, CandidateView::name, CandidateView::nominations,
                        CandidateView::aboveThreshold)
                .containsExactly(tuple(1, "Xa", 3, true), tuple(2, "Yu", 2, true), tuple(3, "Ann", 1, false),
                        tuple(3, "Vi", 1, false), tuple(3, "Zed", 1, false), tuple(6, "Ben", 0, false),
                        tuple(6, "Cy", 0, false), tuple(6, "Dee", 0, false));
        CandidateView ann = all.candidates().get(2);
        assertThat(ann.source()).isEqualTo("SEED");
        assertThat(ann.rounds()).containsExactly(2);

        ConvergenceView page = MemoryAnswers.convergence(tables, campaign.value(), 3, 3);
        assertThat(page.total()).isEqualTo(8);
        assertThat(page.candidates()).extracting(CandidateView::rank, CandidateView::name)
                .containsExactly(tuple(3, "Vi"), tuple(3, "Zed"), tuple(6, "Ben"));
        assertThat(CampaignFigures.ranks(Map.of(5, 1, 2, 3, 1, 2, 0, 4)))
                .isEqualTo(Map.of(5, 1, 2, 2, 1, 5, 0, 7));
    }

    @Test
    @DisplayName("statistics: responses, new names per round, the distribution, top lists and the Chao1 estimate")
    void statistics() {
        StatisticsView stats = MemoryAnswers.statistics(tables, campaign.value());
        assertThat(List.of(stats.contacted(), stats.responded(), stats.rounds(), stats.roundsCompleted()))
                .containsExactly(5, 4, 2, 1);
        assertThat(stats.responseRate()).isEqualTo(0.8);
        assertThat(stats.nominations()).isEqualTo(8);
        assertThat(stats.distinctNominees()).isEqualTo(5);
        assertThat(stats.newNamesPerRound()).containsExactly(new RoundCount(1, 3), new RoundCount(2, 1));
        assertThat(stats.distribution()).containsExactly(new Bucket(1, 3), new Bucket(2, 1), new Bucket(3, 1));
        assertThat(stats.topNominees()).extracting(Ranked::name, Ranked::count)
                .containsExactly(tuple("Xa", 3), tuple("Yu", 2), tuple("Ann", 1), tuple("Vi", 1), tuple("Zed", 1));
        assertThat(stats.topNominators()).extracting(Ranked::name, Ranked::count)
                .containsExactly(tuple("Ann", 2), tuple("Ben", 2), tuple("Cy", 2), tuple("Xa", 2));
        assertThat(List.of(stats.namedOnce(), stats.namedTwice())).containsExactly(3, 1);
        assertThat(stats.chao1()).as("5 + 3²/(2·1)").isEqualTo(9.5);
        assertThat(stats.estimatedUnnamed()).isEqualTo(5);
        assertThat(CampaignFigures.chao1(5, 3, 0)).as("no doubletons: 5 + 3·2/2").isEqualTo(8.0);
    }

    @Test
    @DisplayName("an empty campaign: nobody ranked, every figure zero")
    void empty() {
        CampaignId other = CampaignId.random();
        given(new CampaignCreated(org, other, CampaignSettings.named("Empty")));
        assertThat(MemoryAnswers.convergence(tables, other.value(), 0, 100).candidates()).isEmpty();
        StatisticsView stats = MemoryAnswers.statistics(tables, other.value());
        assertThat(List.of(stats.contacted(), stats.nominations(), stats.distinctNominees(), stats.rounds()))
                .containsOnly(0);
        assertThat(stats.responseRate()).isZero();
        assertThat(stats.chao1()).isZero();
    }

    /** The person is invited in the round and answers with the people named, each newly in the roster. */
    private void answer(RoundId round, int number, String nominator, String... named) {
        InvitationId invitation = InvitationId.random();
        given(new ContactInvited(org, campaign, round, number, invitation, id(nominator), nominator,
                nominator + "@x.test"));
        List<Nominee> nominees = Arrays.stream(named)
                .map(n -> new Nominee(id(n), n, n + "@x.test", "")).toList();
        given(new NominationSubmitted(org, campaign, round, number, NominationId.forInvitation(invitation), invitation,
                id(nominator), nominees));
        for (String n : named) {
            if (!tables.person(campaign.value(), id(n).value()).inRoster) {
                given(new PersonNominatedIntoCampaign(org, campaign, id(n), number, n, n + "@x.test"));
            }
        }
    }

    private PersonId id(String name) {
        return people.computeIfAbsent(name, n -> PersonId.random());
    }

    private void given(Object event) {
        now = now.plus(Duration.ofMinutes(1));
        assertThat(ReadModelRules.apply(event, now, tables)).as(event.getClass().getSimpleName()).isTrue();
    }
}
