package org.oostkit.wrt.adapters.mail;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.oostkit.wrt.adapters.queues.QueueWorkers;
import org.oostkit.wrt.api.campaign.CampaignCommands.RecordSelectionMail;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.common.Secrets;
import org.oostkit.wrt.api.invitation.InvitationCommands.RecordMailFailed;
import org.oostkit.wrt.api.invitation.InvitationCommands.RecordMailSent;
import org.oostkit.wrt.api.invitation.InvitationCommands.RecordMailUncertain;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.invitation.MailPurpose;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.oostkit.wrt.adapters.i18n.Texts;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drains the outbox so that each mail is handed to SMTP at most once: only from {@code sending}, and a
 * crash during the hand-over leaves the row uncertain for an admin rather than sending it again.
 */
class OutboxSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final MailOutbox outbox;
    private final MailComposer composer;
    private final MailLogos logos;
    private final MailTransport transport;
    private final Secrets secrets;
    private final CommandGateway commands;
    private final MailProperties.Sender settings;
    private final MeterRegistry meters;
    private final String instance = "sender-" + UUID.randomUUID();
    private final AtomicLong pausedUntil = new AtomicLong();
    private final AtomicLong nextHousekeeping = new AtomicLong();
    private volatile boolean running;
    private QueueWorkers workers;

    OutboxSender(MailOutbox outbox, MailComposer composer, MailTransport transport, Secrets secrets,
                 CommandGateway commands, MailProperties.Sender settings,
                 MeterRegistry meters, MailLogos logos) {
        this.outbox = outbox;
        this.logos = logos;
        this.composer = composer;
        this.transport = transport;
        this.secrets = secrets;
        this.commands = commands;
        this.settings = settings;
        this.meters = meters;
    }

    @Override
    public void start() {
        running = true;
        workers = new QueueWorkers("mail-sender-", settings.threads(), this::work);
    }

    @Override
    public void stop() {
        running = false;
        workers.finish(settings.lease());
        try {
            outbox.releaseAll(instance);
        } catch (RuntimeException e) {
            log.warn("Could not release this instance's claimed mails ({}); they return after the lease", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after the event processors and stops before them (and before the database goes). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private void work() {
        while (running) {
            try {
                housekeeping();
                long pause = pausedUntil.get() - System.currentTimeMillis();
                if (pause > 0) {
                    sleep(Math.min(pause, settings.pollInterval().toMillis()));
                    continue;
                }
                List<OutboxRow> rows = outbox.claim(instance, settings.batchSize());
                if (rows.isEmpty()) {
                    sleep(settings.pollInterval().toMillis());
                    continue;
                }
                for (OutboxRow row : rows) {
                    if (!running || pausedUntil.get() > System.currentTimeMillis()) {
                        outbox.release(row, instance);
                    } else {
                        send(row);
                    }
                }
            } catch (RuntimeException e) {
                log.error("Mail sender: {}", e.toString());
                sleep(settings.pollInterval().toMillis());
            }
        }
    }

    void send(OutboxRow row) {
        // the link token: only its keyed hash is kept (in the outbox until recorded, then on the invitation);
        // the raw token lives in memory until the mail is handed over
        boolean selection = MailPurpose.SELECTION.name().equals(row.purpose());
        // a selection mail carries no link: no token
        String token = selection ? null : secrets.newToken();
        String tokenHash = selection ? null : secrets.invitationTokenHash(token);
        // read before the point of no return: a database hiccup here leaves the row claimed, recovered later
        String selectionMessage = selection ? outbox.selectionMessage(row) : null;
        if (!outbox.startSending(row, instance, tokenHash)) {
            // the address became suppressed, or the claim was taken for dead and someone else has the row now
            String suppressed = outbox.suppressionReason(row.organisationId(), row.email());
            if (suppressed == null) {
                outbox.release(row, instance); // the suppression was lifted in between: back to the queue
            } else if (outbox.suppressed(row, instance, MailPolicy.suppressedReason(suppressed))) {
                recordFailure(row.invitationId(), row.purpose(), row.organisationId(), row.campaignId(),
                        MailPolicy.suppressedReason(suppressed), true);
            }
            return;
        }
        int attempt = row.attempts() + 1;
        MailMessage message;
        try {
            message = selection
                    ? composer.selectionMail(row.organisationId(), row.organisationName(), row.campaignName(),
                            row.email(), row.name(), selectionMessage, row.sender(),
                            Texts.locale(row.language()))
                    : composer.invitationMail(row, token);
            message = message.withLogo(logos.png(row.organisationId()).orElse(null));
        } catch (RuntimeException e) {
            // nothing was handed over, and the same data would fail the same way again
            log.warn("{} mail of invitation {} could not be composed ({})", row.purpose(), row.invitationId(),
                    e.getClass().getSimpleName());
            outbox.failed(row, "the mail could not be composed");
            recordFailure(row.invitationId(), row.purpose(), row.organisationId(), row.campaignId(),
                    "the mail could not be composed", true);
            return;
        }
        try {
            transport.send(message);
        } catch (MailDeliveryException e) {
            if (e.permanent()) {
                log.warn("{} mail of invitation {} refused for good ({})", row.purpose(), row.invitationId(),
                        e.getCause() == null ? "invalid" : e.getCause().getClass().getSimpleName());
                outbox.failed(row, e.getMessage());
                meters.counter("wrt.mail.failed", "kind", message.kind(), "permanent", "true").increment();
                recordFailure(row.invitationId(), row.purpose(), row.organisationId(), row.campaignId(), e.getMessage(),
                        true);
            } else {
                temporaryFailure(row, attempt, e.getMessage(), e.serverUnavailable());
            }
            return;
        } catch (RuntimeException e) {
            // not a classified failure: the transport itself broke; treat it as temporary
            temporaryFailure(row, attempt, "mail not accepted: " + e.getClass().getSimpleName(), false);
            return;
        }
        outbox.sent(row, message.messageId());
        meters.counter("wrt.mail.sent", "kind", message.kind()).increment();
        try {
            recordSent(row.invitationId(), row.purpose(), row.organisationId(), row.campaignId(), message.messageId(),
                    tokenHash);
        } catch (RuntimeException e) {
            log.warn("{} mail of invitation {} sent but not recorded yet: {}", row.purpose(), row.invitationId(),
                    e.toString());
        }
        log.debug("{} mail of invitation {} sent as {}", row.purpose(), row.invitationId(), message.messageId());
    }

    private void temporaryFailure(OutboxRow row, int attempt, String reason, boolean serverUnavailable) {
        if (attempt >= settings.maxAttempts()) {
            log.warn("{} mail of invitation {} given up after {} attempts", row.purpose(), row.invitationId(), attempt);
            outbox.failed(row, "gave up after " + attempt + " attempts: " + reason);
            meters.counter("wrt.mail.failed", "kind", row.purpose().toLowerCase(), "permanent", "false").increment();
            recordFailure(row.invitationId(), row.purpose(), row.organisationId(), row.campaignId(),
                    "gave up after " + attempt + " attempts: " + reason, false);
            return;
        }
        Duration wait = settings.backoff(attempt);
        outbox.retryLater(row, reason, wait);
        meters.counter("wrt.mail.retried", "kind", row.purpose().toLowerCase()).increment();
        if (serverUnavailable) {
            long until = System.currentTimeMillis() + wait.toMillis();
            if (pausedUntil.getAndUpdate(current -> Math.max(current, until)) < until) {
                log.warn("Mail server unavailable; sending paused for {} ms", wait.toMillis());
            }
        } else {
            log.info("{} mail of invitation {} deferred (attempt {}), next try in {} ms", row.purpose(),
                    row.invitationId(), attempt, wait.toMillis());
        }
    }

    /** A selection mail's row is keyed by the person and recorded on the campaign; every other on its invitation. */
    private void recordSent(UUID invitation, String purpose, UUID organisation, UUID campaign, String messageId,
                            String tokenHash) {
        if (MailPurpose.SELECTION.name().equals(purpose)) {
            commands.sendAndWait(new RecordSelectionMail(new CampaignId(campaign), new OrganisationId(organisation),
                    new PersonId(invitation), messageId, null, false));
        } else {
            commands.sendAndWait(new RecordMailSent(new InvitationId(invitation), new OrganisationId(organisation),
                    MailPurpose.valueOf(purpose), messageId, tokenHash));
        }
        outbox.markRecorded(invitation, purpose);
    }

    private void recordUncertain(UUID invitation, String purpose, UUID organisation, UUID campaign, String reason,
                                 String tokenHash) {
        if (MailPurpose.SELECTION.name().equals(purpose)) {
            commands.sendAndWait(new RecordSelectionMail(new CampaignId(campaign), new OrganisationId(organisation),
                    new PersonId(invitation), null, reason, true));
        } else {
            commands.sendAndWait(new RecordMailUncertain(new InvitationId(invitation),
                    new OrganisationId(organisation), MailPurpose.valueOf(purpose), tokenHash));
        }
        outbox.markRecorded(invitation, purpose);
    }

    private boolean recordFailure(UUID invitation, String purpose, UUID organisation, UUID campaign, String reason,
                                  boolean permanent) {
        try {
            if (MailPurpose.SELECTION.name().equals(purpose)) {
                commands.sendAndWait(new RecordSelectionMail(new CampaignId(campaign), new OrganisationId(organisation),
                        new PersonId(invitation), null, reason, false));
            } else {
                commands.sendAndWait(new RecordMailFailed(new InvitationId(invitation),
                        new OrganisationId(organisation), MailPurpose.valueOf(purpose), reason, permanent));
            }
            outbox.markRecorded(invitation, purpose);
            return true;
        } catch (RuntimeException e) {
            log.warn("Failure of {} mail of invitation {} not recorded yet: {}", purpose, invitation, e.toString());
            return false;
        }
    }

    /**
     * Every so often, on one thread of one instance at a time: rows of dead instances are recovered, and
     * outcomes not yet recorded on their invitation (the command failed, or an instance stopped in between)
     * are recorded.
     */
    private void housekeeping() {
        long now = System.currentTimeMillis();
        long due = nextHousekeeping.get();
        long interval = Math.max(1_000, Math.min(10_000, settings.lease().toMillis() / 4));
        if (now < due || !nextHousekeeping.compareAndSet(due, now + interval)) {
            return;
        }
        int uncertain = outbox.recoverAbandoned(settings.lease());
        if (uncertain > 0) {
            log.warn("{} mails were being handed to the server when their instance stopped; marked uncertain "
                    + "for an admin to send again", uncertain);
        }
        for (MailOutbox.Unrecorded row : outbox.leaseUnrecorded(Duration.ofMillis(interval), settings.lease(), 100)) {
            if ("sent".equals(row.status())) {
                try {
                    recordSent(row.invitationId(), row.purpose(), row.organisationId(), row.campaignId(),
                            row.providerMessageId(), row.tokenHash());
                } catch (RuntimeException e) {
                    log.warn("Sent {} mail of invitation {} still not recorded: {}", row.purpose(),
                            row.invitationId(), e.toString());
                }
            } else if ("uncertain".equals(row.status())) {
                // the mail may have arrived: its link must work, and the admin sees it as "not sure"
                try {
                    recordUncertain(row.invitationId(), row.purpose(), row.organisationId(), row.campaignId(),
                            row.lastError(), row.tokenHash());
                } catch (RuntimeException e) {
                    log.warn("Uncertain {} mail of invitation {} not recorded yet: {}", row.purpose(),
                            row.invitationId(), e.toString());
                }
            } else {
                recordFailure(row.invitationId(), row.purpose(), row.organisationId(), row.campaignId(),
                        row.lastError(), true);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
