package org.oostkit.wrt.web.webhooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.common.NotFound;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.invitation.InvitationCommands.RecordDelivery;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns provider reports into {@code RecordDelivery} commands on their invitations, sent as actor
 * {@code webhook:<provider>}. Whatever the command side refuses for good (unknown invitation, another
 * tenant's invitation, a kind WRT does not track) is acknowledged and counted, never retried; a failure
 * that may pass (database away) propagates, so the provider retries the request and nothing is lost.
 */
@Component
class DeliveryReports {

    /** What became of one record; the name is the {@code outcome} tag of {@code wrt.webhooks.events}. */
    enum Outcome {
        RECORDED, DUPLICATE, UNTRACKED_KIND, NO_EVENT_ID, NO_METADATA, UNKNOWN_INVITATION, FOREIGN_TENANT, REJECTED;

        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The answer to a webhook request: how many records came, and what became of them. */
    record Summary(int received, int recorded, int duplicates, int ignored) {
    }

    private static final Logger log = LoggerFactory.getLogger(DeliveryReports.class);

    private final CommandGateway commands;
    private final MeterRegistry meters;

    DeliveryReports(CommandGateway commands, MeterRegistry meters) {
        this.commands = commands;
        this.meters = meters;
    }

    Summary recordAll(List<ProviderReport> reports) {
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        for (ProviderReport report : reports) {
            outcomes.merge(record(report), 1, Integer::sum);
        }
        int recorded = outcomes.getOrDefault(Outcome.RECORDED, 0);
        int duplicates = outcomes.getOrDefault(Outcome.DUPLICATE, 0);
        return new Summary(reports.size(), recorded, duplicates, reports.size() - recorded - duplicates);
    }

    Outcome record(ProviderReport report) {
        Outcome outcome = decide(report);
        Counter.builder("wrt.webhooks.events")
                .description("Records received from email provider webhooks, by what became of them")
                .tag("provider", report.provider())
                .tag("outcome", outcome.tag())
                .register(meters)
                .increment();
        return outcome;
    }

    private Outcome decide(ProviderReport report) {
        if (!report.tracked()) {
            return Outcome.UNTRACKED_KIND;
        }
        if (report.eventKey().isEmpty()) {
            return Outcome.NO_EVENT_ID;
        }
        InvitationId invitation;
        OrganisationId tenant;
        try {
            invitation = InvitationId.of(report.invitation());
            tenant = OrganisationId.of(report.tenant());
        } catch (IllegalArgumentException e) {
            // not a mail WRT sent (a provider's test event, another application on the same account)
            return Outcome.NO_METADATA;
        }
        RecordDelivery command = new RecordDelivery(invitation, tenant, report.kind(), report.provider(),
                report.eventKey(), report.occurredAt());
        try {
            Boolean changed = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(Actor.webhook(report.provider()).asMetaData()));
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
