package org.oostkit.wrt.query;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.invitation.InvitationCommands.RequestVerificationCode;
import org.oostkit.wrt.api.invitation.InvitationCommands.VerifyCode;
import org.oostkit.wrt.api.invitation.IssuedCode;
import org.oostkit.wrt.api.nomination.NominationCommands.SubmitNominations;
import org.oostkit.wrt.api.nomination.NomineeInput;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.api.round.RoundStarted;
import org.oostkit.wrt.query.api.RoundQueries.FindRound;
import org.oostkit.wrt.query.api.RoundView;
import org.oostkit.wrt.query.processing.DeadLetterMetrics;
import org.oostkit.wrt.query.processing.ReadModelBatches;
import org.oostkit.wrt.query.processing.ReadModels;
import org.oostkit.wrt.query.support.ReadSideTestSupport;
import org.oostkit.wrt.query.tenant.TenantSchemas;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A failing event is dead-lettered and counted; everything else keeps flowing; the letter can be retried. */
class DeadLetterIntegrationTest extends ReadSideTestSupport {

    @Autowired
    DeadLetterMetrics metrics;

    @Autowired
    ReadModelBatches batches;

    @Test
    @DisplayName("a broken tenant's events wait in the dead-letter queue while another tenant's flow on, then retry")
    void deadLetterAndRetry() {
        Actor admin = Actor.admin("admin@dlq.test");
        OrganisationId broken = wrt().organisation("admin@dlq.test");
        OrganisationId healthy = wrt().organisation("admin@dlq.test");
        CampaignId brokenCampaign = wrt().campaign(broken, admin, "Ann", "ann@dlq.test");
        CampaignId healthyCampaign = wrt().campaign(healthy, admin, "Ben", "ben@dlq.test");
        projections().awaitCaughtUp();
        double before = metrics.count(ReadModels.GROUP);
        double carefulBefore = batches.carefulBatches();

        whileAway(broken, "round", () -> {
            wrt().startRound(broken, brokenCampaign, admin, Duration.ofDays(3));
            wrt().startRound(healthy, healthyCampaign, admin, Duration.ofDays(3));
            projections().awaitCaughtUp();

            assertThat(ask(new FindRound(healthy, healthyCampaign, 1), RoundView.class).contacted()).isEqualTo(1);
            // the optimistic batch rolled back and ran again statement by statement; only then was the round's
            // start dead-lettered, once (the events behind it queue up without failing)
            assertThat(batches.carefulBatches()).isGreaterThan(carefulBefore);
            assertThat(metrics.count(ReadModels.GROUP) - before).isEqualTo(1);
            assertThat(deadLetters(brokenCampaign)).isGreaterThanOrEqualTo(1);
            assertThat(deadLetters(healthyCampaign)).isZero();

            // retried while the table is still away: it fails again and stays in the queue
            int waiting = deadLetters(brokenCampaign);
            assertThat(processing.sequencedDeadLetterProcessor(ReadModels.GROUP).orElseThrow().process(letter ->
                    letter.message().getPayload() instanceof RoundStarted started
                            && started.campaignId().equals(brokenCampaign))).isFalse();
            assertThat(deadLetters(brokenCampaign)).isEqualTo(waiting);
        });

        retryAll();
        assertThat(deadLetters(brokenCampaign)).isZero();
        RoundView round = ask(new FindRound(broken, brokenCampaign, 1), RoundView.class);
        assertThat(round).isNotNull();
        assertThat(round.contacted()).isEqualTo(1); // the contact (queued behind the round) came through too
    }

    @Test
    @DisplayName("healthy batches run optimistically; a failing one runs again event by event")
    void onlyAFailedBatchRunsEventByEvent() {
        Actor admin = Actor.admin("admin@dlq.test");
        OrganisationId org = wrt().organisation("admin@dlq.test");
        CampaignId campaign = wrt().campaign(org, admin, "Cy", "cy@dlq.test");
        double carefulBefore = batches.carefulBatches();
        wrt().startRound(org, campaign, admin, Duration.ofDays(3));
        projections().awaitCaughtUp();
        assertThat(batches.carefulBatches()).as("no failure, no second pass").isEqualTo(carefulBefore);

        CampaignId unstarted = wrt().campaign(org, admin, "Di", "di@dlq.test");
        projections().awaitCaughtUp();
        whileAway(org, "campaign", () -> {
            wrt().send(new org.oostkit.wrt.api.campaign.CampaignCommands.CompleteCampaign(unstarted, org), admin);
            projections().awaitCaughtUp();
        });
        assertThat(batches.carefulBatches()).isGreaterThan(carefulBefore);
        assertThat(deadLetters(unstarted)).isEqualTo(1);
        retryAll();
        assertThat(deadLetters(unstarted)).isZero();
    }

    @Test
    @DisplayName("a write that waited for the end of its batch and failed there: the batch runs again statement by "
            + "statement, the event is dead-lettered, and its retry converges")
    void failureOfAWaitingWrite() {
        Actor admin = Actor.admin("admin@dlq.test");
        OrganisationId org = wrt().organisation("admin@dlq.test");
        CampaignId campaign = wrt().campaign(org, admin, "Eve", "eve@dlq.test");
        RoundId round = wrt().startRound(org, campaign, admin, Duration.ofDays(3));
        ContactInvited invitation = events().payloads(ContactInvited.class, e -> e.roundId().equals(round)).get(0);
        Actor nominator = Actor.nominator(invitation.invitationId());
        IssuedCode code = wrt().send(new RequestVerificationCode(invitation.invitationId(), org, invitation.email()),
                nominator);
        wrt().send(new VerifyCode(invitation.invitationId(), org, code.code()), nominator);
        projections().awaitCaughtUp();
        String schema = TenantSchemas.schemaOf(org);
        double before = metrics.count(ReadModels.GROUP);
        double carefulBefore = batches.carefulBatches();

        // the nominees' person rows wait for the end of the batch: that is where this fails
        whileAway(org, "person", () -> {
            wrt().send(SubmitNominations.of(org, invitation.invitationId(),
                    List.of(new NomineeInput("Fay", "fay@dlq.test", ""))), nominator);
            projections().awaitCaughtUp();
        });
        assertThat(batches.carefulBatches()).isGreaterThan(carefulBefore);
        assertThat(metrics.count(ReadModels.GROUP) - before).isEqualTo(1);
        assertThat(deadLetters(campaign)).isGreaterThanOrEqualTo(1);
        // the dead-lettered event is undone whole: its list of names (written before the failing statement)
        // is not there either
        assertThat(jdbc.queryForObject("SELECT count(*) FROM " + schema + ".nomination WHERE invitation_id = ?",
                Integer.class, invitation.invitationId().value())).isZero();

        retryAll();
        assertThat(deadLetters(campaign)).isZero();
        assertThat(jdbc.queryForObject("SELECT nominator_count FROM " + schema + ".person WHERE email = ?",
                Integer.class, "fay@dlq.test")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT nominee_count FROM " + schema + ".contact WHERE invitation_id = ?",
                Integer.class, invitation.invitationId().value())).isEqualTo(1);
    }

    /** Renames a tenant's table away while the action runs. */
    private void whileAway(OrganisationId organisation, String table, Runnable action) {
        String schema = TenantSchemas.schemaOf(organisation);
        jdbc.execute("ALTER TABLE " + schema + "." + table + " RENAME TO " + table + "_away");
        try {
            action.run();
        } finally {
            jdbc.execute("ALTER TABLE " + schema + "." + table + "_away RENAME TO " + table);
        }
    }

    /** Retries every sequence, oldest first, until the queue is empty (or only failing ones are left). */
    private void retryAll() {
        SequencedDeadLetterProcessor<EventMessage<?>> retry =
                processing.sequencedDeadLetterProcessor(ReadModels.GROUP).orElseThrow();
        while (retry.processAny()) {
            // next sequence
        }
    }

    private int deadLetters(CampaignId campaign) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM deadletterentry WHERE processinggroup = ? "
                + "AND sequenceidentifier = ?", Integer.class, ReadModels.GROUP, campaign.toString());
        return n == null ? 0 : n;
    }
}
