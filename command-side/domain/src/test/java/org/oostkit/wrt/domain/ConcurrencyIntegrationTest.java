package org.oostkit.wrt.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignCommands.StartRound;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.PeopleContacted;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.invitation.InvitationCommands.RequestVerificationCode;
import org.oostkit.wrt.api.invitation.InvitationCommands.VerifyCode;
import org.oostkit.wrt.api.invitation.IssuedCode;
import org.oostkit.wrt.api.nomination.NominationCommands.SubmitNominations;
import org.oostkit.wrt.api.nomination.NominationRevised;
import org.oostkit.wrt.api.nomination.NominationSubmitted;
import org.oostkit.wrt.api.nomination.NomineeInput;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.api.round.RoundStarted;
import org.oostkit.wrt.testing.IntegrationTestSupport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Commands racing for the same aggregate keep the invariants and lose nothing. */
class ConcurrencyIntegrationTest extends IntegrationTestSupport {

    private final Actor admin = Actor.admin("race@concurrency.test");

    @Test
    @DisplayName("two simultaneous round starts on one campaign make exactly one round")
    void simultaneousRoundStarts() throws Exception {
        OrganisationId org = wrt().organisation("race@concurrency.test");
        CampaignId campaign = wrt().campaign(org, admin, "A", "a@race.test", "B", "b@race.test", "C", "c@race.test");
        Instant deadline = Instant.now().plus(Duration.ofDays(5));

        List<Object> outcomes = race(
                () -> wrt().send(new StartRound(campaign, org, RoundId.random(), deadline, false, 0), admin),
                () -> wrt().send(new StartRound(campaign, org, RoundId.random(), deadline, false, 0), admin));

        assertThat(outcomes).filteredOn(o -> o instanceof Integer).containsExactly(1);
        assertThat(outcomes).filteredOn(o -> o instanceof RuleViolation).hasSize(1);
        assertThat(events().payloads(RoundStarted.class, e -> e.campaignId().equals(campaign))).hasSize(1);
        assertThat(events().payloads(PeopleContacted.class, e -> e.campaignId().equals(campaign)))
                .singleElement().extracting(e -> e.personIds().size()).isEqualTo(3);
        assertThat(events().payloads(ContactInvited.class, e -> e.campaignId().equals(campaign))).hasSize(3);
    }

    @Test
    @DisplayName("two simultaneous submissions by one nominator are both applied, in order")
    void simultaneousSubmissions() throws Exception {
        OrganisationId org = wrt().organisation("race@concurrency.test");
        CampaignId campaign = wrt().campaign(org, admin, "Nina", "nina@race.test");
        wrt().startRound(org, campaign, admin, Duration.ofDays(5));
        ContactInvited nina = events().payloads(ContactInvited.class, e -> e.campaignId().equals(campaign)).get(0);
        IssuedCode code = wrt().send(new RequestVerificationCode(nina.invitationId(), org, "nina@race.test"));
        wrt().send(new VerifyCode(nina.invitationId(), org, code.code()));

        List<NomineeInput> first = List.of(new NomineeInput("Olga", "olga@race.test", ""));
        List<NomineeInput> second = List.of(new NomineeInput("Olga", "olga@race.test", ""),
                new NomineeInput("Piet", "piet@race.test", "runs the night shift"));
        List<Object> outcomes = race(
                () -> wrt().send(SubmitNominations.of(org, nina.invitationId(), first)),
                () -> wrt().send(SubmitNominations.of(org, nina.invitationId(), second)));

        assertThat(outcomes).noneMatch(o -> o instanceof Throwable);
        List<NominationSubmitted> submitted = events().payloads(NominationSubmitted.class,
                e -> e.invitationId().equals(nina.invitationId()));
        List<NominationRevised> revised = events().payloads(NominationRevised.class,
                e -> e.invitationId().equals(nina.invitationId()));
        assertThat(submitted).hasSize(1);
        assertThat(revised).hasSize(1);
        assertThat(submitted.get(0).nominees()).isNotEqualTo(revised.get(0).nominees());
        // both nominees reached the roster whichever came last
        assertThat(events().payloads(org.oostkit.wrt.api.campaign.PersonNominatedIntoCampaign.class,
                e -> e.campaignId().equals(campaign))).extracting(e -> e.email())
                .containsExactlyInAnyOrder("olga@race.test", "piet@race.test");
    }

    /** Runs the actions at the same moment; answers each one's result or exception, in order. */
    @SafeVarargs
    private static List<Object> race(Callable<Object>... actions) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(actions.length);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<Object> action : actions) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return action.call();
                    } catch (Exception e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
