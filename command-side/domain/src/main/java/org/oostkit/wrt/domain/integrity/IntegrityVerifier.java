package org.oostkit.wrt.domain.integrity;

import org.axonframework.queryhandling.QueryHandler;
import org.oostkit.wrt.api.audit.IntegrityProblem;
import org.oostkit.wrt.api.audit.IntegrityProblem.Kind;
import org.oostkit.wrt.api.audit.IntegrityReport;
import org.oostkit.wrt.api.audit.VerifyIntegrity;
import org.oostkit.wrt.api.common.NotFound;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Walks the hash chains and reports every broken link. The store is read once, in global order (the
 * primary key's order: no sort of the whole table), keeping only each aggregate's latest link in memory.
 * Each event is judged against what is stored before it, so one altered event is reported once, not with
 * everything after it.
 * <p>
 * What the chain shows: an altered byte of any event's payload, type, ids, timestamp or metadata; a deleted
 * event anywhere but at the end of its aggregate (a gap); an event moved or re-inserted (order). What it
 * cannot show alone: the removal of an aggregate's latest events or of a whole aggregate; compare the
 * reported counts with an earlier report for that.
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
public class IntegrityVerifier {

    private static final String COLUMNS = "globalindex, eventidentifier, aggregateidentifier, sequencenumber, "
            + "type, timestamp, payloadtype, payloadrevision, payload, metadata, campaign_id";

    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final Clock clock;

    IntegrityVerifier(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        // PostgreSQL streams a result through a cursor only with a fetch size and outside autocommit
        this.streaming = new JdbcTemplate(Objects.requireNonNull(jdbc.getDataSource()));
        this.streaming.setFetchSize(500);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readOnly.setIsolationLevel(TransactionTemplate.ISOLATION_REPEATABLE_READ);
        this.clock = clock;
    }

    @QueryHandler
    public IntegrityReport handle(VerifyIntegrity query) {
        return query.isWholeStore() ? wholeStore() : campaign(query.organisationId().value(), query.campaignId().value());
    }

    public IntegrityReport wholeStore() {
        Walk walk = new Walk();
        readOnly.executeWithoutResult(status -> streaming.query("SELECT " + COLUMNS
                + " FROM domainevententry ORDER BY globalindex", walk));
        return walk.report("store");
    }

    /** The campaign's aggregates (campaign, rounds, invitations, nominations), each chain from its start. */
    public IntegrityReport campaign(UUID organisation, UUID campaign) {
        Walk walk = new Walk();
        readOnly.executeWithoutResult(status -> {
            List<byte[]> created = streaming.query("SELECT payload FROM domainevententry "
                    + "WHERE aggregateidentifier = ? AND sequencenumber = 0", (rs, n) -> rs.getBytes(1),
                    campaign.toString());
            if (created.isEmpty() || !organisation.equals(PayloadIds.organisation(created.get(0)))) {
                throw new NotFound("campaign");
            }
            streaming.query("SELECT " + COLUMNS + " FROM domainevententry WHERE aggregateidentifier IN "
                    + "(SELECT DISTINCT aggregateidentifier FROM domainevententry WHERE campaign_id = ?) "
                    + "ORDER BY globalindex", walk, campaign);
        });
        return walk.report("campaign:" + campaign);
    }

    /** The latest stored link of an aggregate. */
    private record Link(long sequence, String hash, UUID campaign) {
    }

    private final class Walk implements RowCallbackHandler {

        private final Map<String, Link> chains = new HashMap<>();
        private final List<IntegrityProblem> problems = new ArrayList<>();
        private long count;
        private long problemCount;

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            count++;
            long index = rs.getLong(1);
            String aggregate = rs.getString(3);
            long sequence = rs.getLong(4);
            String payloadType = rs.getString(7);
            byte[] payload = rs.getBytes(9);
            UUID storedCampaign = rs.getObject(11, UUID.class);
            Link previous = chains.get(aggregate);
            long expected = previous == null ? 0 : previous.sequence() + 1;
            Map<String, Object> metaData;
            try {
                metaData = EventHash.parseMetaData(rs.getBytes(10));
            } catch (RuntimeException e) {
                metaData = null;
            }
            Object stored = metaData == null ? null : metaData.get(EventHash.METADATA_KEY);
            UUID named = PayloadIds.campaign(payload);
            UUID campaign = named != null ? named : previous == null ? null : previous.campaign();
            if (sequence != expected) {
                problem(index, aggregate, sequence, payloadType, Kind.SEQUENCE_GAP, sequence > expected
                        ? (sequence - expected) + " event(s) missing before this one (sequence " + expected
                        + (sequence - expected > 1 ? " to " + (sequence - 1) : "") + ")"
                        : "sequence " + sequence + " follows sequence " + previous.sequence()
                        + " in the store's order (moved or re-inserted)");
            } else if (stored == null) {
                problem(index, aggregate, sequence, payloadType, Kind.MISSING_HASH,
                        metaData == null ? "metadata is not readable" : "no " + EventHash.METADATA_KEY + " in metadata");
            } else {
                String computed = EventHash.of(new EventHash.Input(previous == null ? EventHash.GENESIS
                        : previous.hash(), aggregate, sequence, rs.getString(5), rs.getString(2), rs.getString(6),
                        payloadType, rs.getString(8), payload, EventHash.canonical(metaData)));
                if (!computed.equals(stored.toString())) {
                    problem(index, aggregate, sequence, payloadType, Kind.HASH_MISMATCH,
                            "content differs from what was stored (hash " + abbreviated(stored.toString())
                                    + ", recomputed " + abbreviated(computed) + ")");
                } else if (!Objects.equals(campaign, storedCampaign)) {
                    problem(index, aggregate, sequence, payloadType, Kind.CAMPAIGN_MISMATCH,
                            "campaign column " + storedCampaign + ", payload's campaign " + campaign);
                }
            }
            chains.put(aggregate, new Link(Math.max(sequence, previous == null ? -1 : previous.sequence()),
                    stored == null ? EventHash.GENESIS : stored.toString(), campaign));
        }

        private void problem(long index, String aggregate, long sequence, String type, Kind kind, String detail) {
            problemCount++;
            if (problems.size() < IntegrityReport.MAX_LISTED) {
                problems.add(new IntegrityProblem(index, aggregate, sequence, type, kind, detail));
            }
        }

        IntegrityReport report(String scope) {
            return new IntegrityReport(scope, clock.instant(), count, chains.size(), problemCount, problems);
        }
    }

    private static String abbreviated(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) + "…" : hash;
    }
}
