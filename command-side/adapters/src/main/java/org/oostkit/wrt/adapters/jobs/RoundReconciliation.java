package org.oostkit.wrt.adapters.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.tenant.TenantSchemas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks per round that recorded invitations, outbox rows and contact rows agree, reading all three
 * modules' tables on purpose to catch a drift between them.
 */
@Component
public class RoundReconciliation {

    public static final String DRIFTING = "wrt.reconciliation.drifting.rounds";
    public static final String DRIFTS = "wrt.reconciliation.drifts";

    private static final Logger log = LoggerFactory.getLogger(RoundReconciliation.class);

    private final JdbcTemplate jdbc;
    private final Duration grace;
    private final Duration window;
    private final Counter drifts;
    private final AtomicInteger drifting = new AtomicInteger();

    RoundReconciliation(JdbcTemplate jdbc, ObjectProvider<MeterRegistry> meters,
                        @Value("${wrt.reconciliation.grace:PT10M}") Duration grace,
                        @Value("${wrt.reconciliation.window:P7D}") Duration window) {
        this.jdbc = jdbc;
        this.grace = grace;
        this.window = window;
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        this.drifts = Counter.builder(DRIFTS).description("Rounds found drifting by a reconciliation check")
                .register(registry);
        Gauge.builder(DRIFTING, drifting, AtomicInteger::get)
                .description("Rounds whose recorded invitations, outbox rows and contact rows disagree")
                .register(registry);
    }

    /** One round's counts. {@code problems} says what disagrees, in words; empty when nothing does. */
    public record Report(UUID organisationId, UUID campaignId, UUID roundId, int recorded, int outboxRows,
                         int contactRows, int handedOver, int pending, int notSent, List<String> problems) {

        public boolean drift() {
            return !problems.isEmpty();
        }
    }

    /** The round was not found among the recorded invitations. */
    public static final class UnknownRound extends RuntimeException {
        public UnknownRound(String round) {
            super("No invitations are recorded for round " + round + ".");
        }
    }

    /** The report of one round, whatever its age. */
    public Report round(UUID roundId) {
        List<Report> reports = reports("WHERE d.round_id = ?", roundId);
        if (reports.isEmpty()) {
            throw new UnknownRound(roundId.toString());
        }
        return reports.get(0);
    }

    /**
     * The rounds to watch: open, or closed within {@code wrt.reconciliation.window}, and older than the grace
     * period (their events had time to be processed).
     */
    public List<Report> check() {
        List<Report> reports = reports("""
                LEFT JOIN mail_round r ON r.round_id = d.round_id
                WHERE (r.closed_at IS NULL OR r.closed_at > now() - ? * interval '1 second')
                """, window.toSeconds());
        return reports.stream().filter(report -> report.drift()
                ? startedBefore(report.roundId(), grace) : true).toList();
    }

    /** The scheduled check: drifting rounds are logged and counted. */
    @Scheduled(fixedDelayString = "${wrt.reconciliation.interval:PT10M}",
            initialDelayString = "${wrt.reconciliation.interval:PT10M}")
    public void checkOnSchedule() {
        List<Report> drifting = check().stream().filter(Report::drift).toList();
        this.drifting.set(drifting.size());
        for (Report report : drifting) {
            drifts.increment();
            log.error("Round {} of organisation {} drifts: {}", report.roundId(), report.organisationId(),
                    String.join("; ", report.problems()));
        }
    }

    private boolean startedBefore(UUID roundId, Duration age) {
        Boolean old = jdbc.queryForObject("""
                SELECT coalesce(min(e.timestamp::timestamptz) < now() - ? * interval '1 second', TRUE)
                FROM domainevententry e WHERE e.aggregateidentifier = ? AND e.sequencenumber = 0
                """, Boolean.class, age.toSeconds(), roundId.toString());
        return Boolean.TRUE.equals(old);
    }

    private List<Report> reports(String where, Object... args) {
        List<Report> reports = new ArrayList<>();
        jdbc.query("""
                SELECT d.organisation_id, d.campaign_id, d.round_id, count(*) AS recorded,
                       count(o.invitation_id) AS outbox,
                       count(*) FILTER (WHERE o.status = 'sent') AS handed_over,
                       count(*) FILTER (WHERE o.status IN ('pending', 'claimed', 'sending', 'uncertain')) AS pending
                FROM invitation_directory d
                LEFT JOIN mail_outbox o ON o.invitation_id = d.invitation_id AND o.purpose = 'INVITATION'
                """ + where + """
                 GROUP BY d.organisation_id, d.campaign_id, d.round_id ORDER BY d.round_id
                """, rs -> {
            UUID organisation = rs.getObject("organisation_id", UUID.class);
            UUID round = rs.getObject("round_id", UUID.class);
            int recorded = rs.getInt("recorded");
            int outbox = rs.getInt("outbox");
            int handedOver = rs.getInt("handed_over");
            int pending = rs.getInt("pending");
            int contacts = contacts(organisation, round);
            List<String> problems = new ArrayList<>();
            if (outbox != recorded) {
                problems.add(recorded + " invitation(s) recorded, " + outbox + " in the mail outbox");
            }
            if (contacts != recorded) {
                problems.add(recorded + " invitation(s) recorded, " + contacts + " contact row(s) in the read model");
            }
            reports.add(new Report(organisation, rs.getObject("campaign_id", UUID.class), round, recorded, outbox,
                    contacts, handedOver, pending, outbox - handedOver - pending, List.copyOf(problems)));
        }, args);
        return reports;
    }

    private int contacts(UUID organisation, UUID round) {
        String schema = TenantSchemas.schemaOf(new OrganisationId(organisation));
        try {
            Integer n = jdbc.queryForObject("SELECT count(*) FROM " + schema + ".contact WHERE round_id = ?",
                    Integer.class, round);
            return n == null ? 0 : n;
        } catch (BadSqlGrammarException e) {
            return 0; // no schema (yet): the registry's event is parked or not processed
        }
    }
}
