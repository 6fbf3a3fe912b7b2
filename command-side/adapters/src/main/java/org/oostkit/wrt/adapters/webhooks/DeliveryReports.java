package org.oostkit.wrt.adapters.webhooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.oostkit.wrt.api.common.ActingCommandGateway;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.common.NotFound;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.invitation.InvitationCommands.RecordDelivery;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Turns provider reports into {@code RecordDelivery} commands, dropping what the command side refuses
 * for good and letting a failure that may pass propagate, for the {@link WebhookInbox} to retry.
 */
@Component
public class DeliveryReports {

    /** What became of one record; the name is the {@code outcome} tag of {@code wrt.webhooks.events}. */
    public enum Outcome {
        RECORDED, DUPLICATE, UNTRACKED_KIND, NO_EVENT_ID, NO_METADATA, UNKNOWN_INVITATION, FOREIGN_TENANT, REJECTED;

        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private static final Logger log = LoggerFactory.getLogger(DeliveryReports.class);

    private final ActingCommandGateway commands;
    private final MeterRegistry meters;

    DeliveryReports(ActingCommandGateway commands, MeterRegistry meters) {
        this.commands = commands;
        this.meters = meters;
    }

    /** Applies the reports in order; a failure worth a retry stops here and propagates. */
    void recordAll(List<ProviderReport> reports) {
        reports.forEach(this::record);
    }

    /**
     * The outcome of a report that can never become a command (counted here), or null for one to apply.
     * Decided on the request, so that only records worth a command are stored for the workers.
     */
    public Outcome triage(ProviderReport report) {
        Outcome outcome = dropped(report);
        if (outcome != null) {
            count(report, outcome);
        }
        return outcome;
    }

    /** Applies one report as a command (sent as the provider) and counts the outcome. */
    Outcome record(ProviderReport report) {
        Outcome outcome = dropped(report);
        if (outcome == null) {
            outcome = send(report);
        }
        count(report, outcome);
        return outcome;
    }

    private void count(ProviderReport report, Outcome outcome) {
        Counter.builder("wrt.webhooks.events")
                .description("Records received from email provider webhooks, by what became of them")
                .tag("provider", report.provider())
                .tag("outcome", outcome.tag())
                .register(meters)
                .increment();
    }

    private static Outcome dropped(ProviderReport report) {
        if (!report.tracked()) {
            return Outcome.UNTRACKED_KIND;
        }
        if (report.eventKey() == null || report.eventKey().isEmpty()) {
            return Outcome.NO_EVENT_ID;
        }
        if (uuid(report.invitation()) == null || uuid(report.tenant()) == null) {
            // not a mail WRT sent (a provider's test event, another application on the same account)
            return Outcome.NO_METADATA;
        }
        return null;
    }

    private Outcome send(ProviderReport report) {
        RecordDelivery command = new RecordDelivery(new InvitationId(uuid(report.invitation())),
                new OrganisationId(uuid(report.tenant())), report.kind(), report.provider(), report.eventKey(),
                report.occurredAt());
        try {
            Boolean changed = commands.sendAndWait(command, Actor.webhook(report.provider()).value());
            return Boolean.FALSE.equals(changed) ? Outcome.DUPLICATE : Outcome.RECORDED;
        } catch (RuntimeException e) {
            Outcome refused = refusal(e);
            if (refused == null) {
                throw e;
            }
            log.info("{} report {} for invitation {} ignored: {}", report.provider(), report.eventKey(),
                    report.invitation(), refused.tag());
            return refused;
        }
    }

    private static UUID uuid(String value) {
        if (value == null || value.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The outcome for a refusal that will never pass, or null for a failure worth a retry. */
    private static Outcome refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AggregateNotFoundException) {
                return Outcome.UNKNOWN_INVITATION;
            }
            if (t instanceof NotFound) {
                return Outcome.FOREIGN_TENANT;
            }
            if (t instanceof RuleViolation) {
                return Outcome.REJECTED;
            }
        }
        return null;
    }
}
