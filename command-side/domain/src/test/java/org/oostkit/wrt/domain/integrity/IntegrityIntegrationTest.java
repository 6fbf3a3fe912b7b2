package org.oostkit.wrt.domain.integrity;

import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.audit.IntegrityProblem;
import org.oostkit.wrt.api.audit.IntegrityProblem.Kind;
import org.oostkit.wrt.api.audit.IntegrityReport;
import org.oostkit.wrt.api.audit.VerifyIntegrity;
import org.oostkit.wrt.api.campaign.CampaignCommands.ChangeCampaignDetails;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.domain.dataprotection.DataKeyStore;
import org.oostkit.wrt.testing.IntegrationTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntegrityIntegrationTest extends IntegrationTestSupport {

    @Autowired
    IntegrityVerifier verifier;
    @Autowired
    QueryGateway queries;
    @Autowired
    DataKeyStore keys;

    private final Actor admin = Actor.admin("chain@integrity.test");

    private record Flow(OrganisationId org, CampaignId campaign, RoundId round) {
    }

    private Flow flow() {
        OrganisationId org = wrt().organisation("chain@integrity.test");
        CampaignId campaign = wrt().campaign(org, admin, "Ada", "ada@integrity.test", "Ben", "ben@integrity.test",
                "Cy", "cy@integrity.test");
        RoundId round = wrt().startRound(org, campaign, admin, Duration.ofDays(3));
        return new Flow(org, campaign, round);
    }

    private IntegrityReport verify(Flow flow) {
        return verifier.campaign(flow.org().value(), flow.campaign().value());
    }

    @Test
    @DisplayName("every stored event carries a hash and its campaign; an untouched campaign and store verify")
    void intact() throws Exception {
        Flow flow = flow();
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT aggregateidentifier, campaign_id, "
                + "convert_from(metadata, 'UTF8')::jsonb ->> 'wrt.hash' AS hash FROM domainevententry "
                + "WHERE campaign_id = ?", flow.campaign().value());
        assertThat(rows).allSatisfy(row -> assertThat((String) row.get("hash")).hasSize(64));
        // the round's events include RoundDeadlinesScheduled, whose payload names no campaign
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND campaign_id IS DISTINCT FROM ?", Integer.class, flow.round().toString(),
                flow.campaign().value())).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND payloadtype LIKE '%RoundDeadlinesScheduled'", Integer.class, flow.round().toString())).isOne();

        IntegrityReport report = verify(flow);
        assertThat(report.intact()).isTrue();
        assertThat(report.eventsChecked()).isEqualTo(rows.size());
        // campaign, round and three invitations
        assertThat(report.aggregatesChecked()).isEqualTo(5);
        assertThat(report.scope()).isEqualTo("campaign:" + flow.campaign());

        IntegrityReport viaQuery = queries.query(VerifyIntegrity.wholeStore(), IntegrityReport.class).get();
        assertThat(viaQuery.problems()).isEmpty();
        assertThat(viaQuery.eventsChecked()).isGreaterThanOrEqualTo(rows.size());
    }

    @Test
    @DisplayName("one payload byte altered with SQL: exactly that event is reported, in its campaign and in the store")
    void alteredByte() {
        Flow flow = flow();
        long target = jdbc.queryForObject("SELECT globalindex FROM domainevententry WHERE campaign_id = ? "
                + "AND payloadtype LIKE '%ContactInvited' ORDER BY globalindex LIMIT 1", Long.class,
                flow.campaign().value());
        byte[] original = jdbc.queryForObject("SELECT payload FROM domainevententry WHERE globalindex = ?",
                byte[].class, target);
        int at = original.length / 2;
        jdbc.update("UPDATE domainevententry SET payload = set_byte(payload, ?, get_byte(payload, ?) # 1) "
                + "WHERE globalindex = ?", at, at, target);
        try {
            IntegrityReport report = verify(flow);
            assertThat(report.problemCount()).isOne();
            IntegrityProblem problem = report.firstProblem();
            assertThat(problem.globalIndex()).isEqualTo(target);
            assertThat(problem.kind()).isEqualTo(Kind.HASH_MISMATCH);
            assertThat(problem.payloadType()).endsWith("ContactInvited");

            IntegrityReport store = verifier.wholeStore();
            assertThat(store.problems()).extracting(IntegrityProblem::globalIndex).containsExactly(target);
        } finally {
            jdbc.update("UPDATE domainevententry SET payload = ? WHERE globalindex = ?", original, target);
        }
        assertThat(verify(flow).intact()).isTrue();
    }

    @Test
    @DisplayName("an altered timestamp or actor (metadata) breaks the link too")
    void alteredMetadataAndTimestamp() {
        Flow flow = flow();
        Map<String, Object> row = jdbc.queryForMap("SELECT globalindex, timestamp, metadata FROM domainevententry "
                + "WHERE aggregateidentifier = ? AND sequencenumber = 1", flow.campaign().toString());
        long target = (Long) row.get("globalindex");
        jdbc.update("UPDATE domainevententry SET timestamp = '2020-01-01T00:00:00.000Z' WHERE globalindex = ?", target);
        try {
            assertThat(verify(flow).problems()).extracting(IntegrityProblem::globalIndex, IntegrityProblem::kind)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(target, Kind.HASH_MISMATCH));
        } finally {
            jdbc.update("UPDATE domainevententry SET timestamp = ? WHERE globalindex = ?", row.get("timestamp"), target);
        }
        jdbc.update("UPDATE domainevententry SET metadata = convert_to(jsonb_set(convert_from(metadata, 'UTF8')::jsonb, "
                + "'{actor}', '\"system\"')::text, 'UTF8') WHERE globalindex = ?", target);
        try {
            assertThat(verify(flow).problems()).extracting(IntegrityProblem::globalIndex).containsExactly(target);
        } finally {
            jdbc.update("UPDATE domainevententry SET metadata = ? WHERE globalindex = ?", row.get("metadata"), target);
        }
        assertThat(verify(flow).intact()).isTrue();
    }

    @Test
    @DisplayName("a deleted event: the gap is reported at the event after it")
    void deletedEvent() {
        Flow flow = flow();
        String campaign = flow.campaign().toString();
        Map<String, Object> deleted = jdbc.queryForMap("SELECT * FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND sequencenumber = 1", campaign);
        long next = jdbc.queryForObject("SELECT globalindex FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND sequencenumber = 2", Long.class, campaign);
        jdbc.update("DELETE FROM domainevententry WHERE globalindex = ?", deleted.get("globalindex"));
        try {
            IntegrityReport report = verify(flow);
            assertThat(report.problemCount()).isOne();
            assertThat(report.firstProblem().globalIndex()).isEqualTo(next);
            assertThat(report.firstProblem().kind()).isEqualTo(Kind.SEQUENCE_GAP);
            assertThat(report.firstProblem().detail()).contains("1 event(s) missing").contains("sequence 1");
            assertThat(verifier.wholeStore().problems()).extracting(IntegrityProblem::globalIndex).containsExactly(next);
        } finally {
            jdbc.update("INSERT INTO domainevententry (globalindex, eventidentifier, aggregateidentifier, sequencenumber, "
                    + "type, timestamp, payloadtype, payloadrevision, payload, metadata, campaign_id) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?)", deleted.get("globalindex"), deleted.get("eventidentifier"),
                    deleted.get("aggregateidentifier"), deleted.get("sequencenumber"), deleted.get("type"),
                    deleted.get("timestamp"), deleted.get("payloadtype"), deleted.get("payloadrevision"),
                    deleted.get("payload"), deleted.get("metadata"), deleted.get("campaign_id"));
        }
        assertThat(verify(flow).intact()).isTrue();
    }

    @Test
    @DisplayName("a moved campaign column is reported; the campaign of another organisation is not found")
    void campaignColumnAndScope() {
        Flow flow = flow();
        long target = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry WHERE campaign_id = ?",
                Long.class, flow.campaign().value());
        jdbc.update("UPDATE domainevententry SET campaign_id = ? WHERE globalindex = ?", UUID.randomUUID(), target);
        try {
            assertThat(verifier.wholeStore().problems()).extracting(IntegrityProblem::globalIndex, IntegrityProblem::kind)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(target, Kind.CAMPAIGN_MISMATCH));
        } finally {
            jdbc.update("UPDATE domainevententry SET campaign_id = ? WHERE globalindex = ?", flow.campaign().value(), target);
        }
        OrganisationId other = wrt().organisation("other@integrity.test");
        assertThatThrownBy(() -> queries.query(VerifyIntegrity.campaign(other, flow.campaign()), IntegrityReport.class).get())
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("not found");
    }

    @Test
    @DisplayName("destroying the campaign's keys (erasure) keeps the chain verifying, and later events chain on")
    void erasureKeepsTheChain() {
        Flow flow = flow();
        keys.destroyScope(flow.campaign().value());
        wrt().send(new ChangeCampaignDetails(flow.campaign(), flow.org(), CampaignSettings.named("After erasure")), admin);
        IntegrityReport report = verify(flow);
        assertThat(report.intact()).isTrue();
        assertThat(report.eventsChecked()).isEqualTo(jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE campaign_id = ?", Long.class, flow.campaign().value()));
    }

    @Test
    @DisplayName("events stored before the chain existed are reported, and the upgrade migration seals them")
    void legacyEventsAreSealedByTheMigration() throws Exception {
        Flow flow = flow();
        jdbc.update("UPDATE domainevententry SET metadata = convert_to((convert_from(metadata, 'UTF8')::jsonb "
                + "- 'wrt.hash')::text, 'UTF8') WHERE campaign_id = ?", flow.campaign().value());
        IntegrityReport unsealed = verify(flow);
        assertThat(unsealed.problemCount()).isEqualTo(unsealed.eventsChecked());
        assertThat(unsealed.problems()).extracting(IntegrityProblem::kind).containsOnly(Kind.MISSING_HASH);

        try (java.sql.Connection connection = jdbc.getDataSource().getConnection()) {
            connection.setAutoCommit(false);
            new db.migration.V1_7__Seal_existing_events().migrate(new org.flywaydb.core.api.migration.Context() {
                @Override
                public org.flywaydb.core.api.configuration.Configuration getConfiguration() {
                    return null;
                }

                @Override
                public java.sql.Connection getConnection() {
                    return connection;
                }
            });
            connection.commit();
        }
        assertThat(verify(flow).intact()).isTrue();
        // and the chain goes on from the sealed events
        wrt().send(new ChangeCampaignDetails(flow.campaign(), flow.org(), CampaignSettings.named("Sealed")), admin);
        assertThat(verify(flow).intact()).isTrue();
        assertThat(verifier.wholeStore().problems()).isEmpty();
    }
}
