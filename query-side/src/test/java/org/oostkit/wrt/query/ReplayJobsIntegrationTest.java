package org.oostkit.wrt.query;

import org.oostkit.wrt.api.common.Rule;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaign;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.ReplayCommands.FindLatestReplay;
import org.oostkit.wrt.query.api.ReplayCommands.FindReplay;
import org.oostkit.wrt.query.api.ReplayCommands.StartReplay;
import org.oostkit.wrt.query.api.ReplayView;
import org.oostkit.wrt.query.support.ReadSideTestSupport;
import org.oostkit.wrt.query.support.ScriptedCampaign;
import org.oostkit.wrt.query.tenant.TenantDirectory;
import org.oostkit.wrt.query.tenant.TenantSchemas;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Replays through the api records: all tenants or one, with progress; one at a time; the rebuilt tables
 * equal the live ones and live processing carries on for every tenant.
 */
class ReplayJobsIntegrationTest extends ReadSideTestSupport {

    @Autowired
    TenantDirectory tenants;

    @Test
    @DisplayName("one tenant's replay restores its tables from the events, leaves the others and the tokens alone")
    void oneTenant() {
        ScriptedCampaign a = scriptedCampaign("admin@replay-a.test");
        ScriptedCampaign b = scriptedCampaign("admin@replay-b.test");
        Map<String, String> live = checksums(tenants.allSchemas());
        String schemaA = tenants.schemaFor(a.organisation).orElseThrow();
        // damage organisation a's read models: the replay must restore them from the events
        jdbc.update("DELETE FROM " + schemaA + ".person");
        jdbc.update("UPDATE " + schemaA + ".campaign SET name = 'wrong'");

        ReplayView done = runToEnd(new StartReplay(a.organisation));

        assertThat(done.status()).isEqualTo(ReplayView.Status.COMPLETED);
        assertThat(done.organisationId()).isEqualTo(a.organisation);
        assertThat(done.processed()).isGreaterThanOrEqualTo(done.total()).isPositive();
        assertThat(done.percent()).isEqualTo(100);
        assertThat(checksums(tenants.allSchemas())).isEqualTo(live);

        // live processing carries on, for both tenants
        ContactInvited gina = a.invited(a.round2).get("Gina");
        a.nominate(gina, "gina@acme.test", ScriptedCampaign.person("Ivo"));
        ContactInvited ginaB = b.invited(b.round2).get("Gina");
        b.nominate(ginaB, "gina@acme.test", ScriptedCampaign.person("Ivo"));
        projections().awaitCaughtUp();
        assertThat(ask(new FindCampaign(a.organisation, a.campaign), CampaignView.class).nominations()).isEqualTo(12);
        assertThat(ask(new FindCampaign(b.organisation, b.campaign), CampaignView.class).nominations()).isEqualTo(12);
    }

    @Test
    @DisplayName("a full replay reports progress and equals the live tables; a second one waits for the first")
    void allTenants() {
        ScriptedCampaign c = scriptedCampaign("admin@replay-c.test");
        projections().awaitCaughtUp();
        // this tenant's tables: other tests' tenants in the shared database may still get events meanwhile
        // (their rounds' deadlines), which the replay rightly includes
        List<String> schemas = List.of(TenantSchemas.schemaOf(c.organisation));
        Map<String, String> live = checksums(schemas);

        ReplayView started = wrt().send(new StartReplay(null));
        assertThat(started.organisationId()).isNull();
        assertThatThrownBy(() -> wrt().send(new StartReplay(null)))
                .satisfies(e -> assertThat(rootCause(e)).isInstanceOf(RuleViolation.class)
                        .extracting(t -> ((RuleViolation) t).violated()).isEqualTo(Rule.REPLAY_RUNNING));
        ReplayView done = await(started);

        assertThat(done.status()).isEqualTo(ReplayView.Status.COMPLETED);
        assertThat(done.eventsPerSecond()).isPositive();
        assertThat(done.remaining()).isEqualTo(Duration.ZERO);
        assertThat(done.finishedAt()).isAfterOrEqualTo(done.startedAt());
        assertThat(queries.query(new FindLatestReplay(), ReplayView.class).join().id()).isEqualTo(started.id());
        assertThat(checksums(schemas)).isEqualTo(live);
    }

    private ReplayView runToEnd(StartReplay command) {
        return await(wrt().send(command));
    }

    private ReplayView await(ReplayView started) {
        List<ReplayView> seen = new ArrayList<>();
        ReplayView done = Awaitility.await("the replay finished").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20)).until(() -> {
                    ReplayView view = queries.query(new FindReplay(started.id()), ReplayView.class).join();
                    seen.add(view);
                    return view;
                }, ReplayView::finished);
        assertThat(seen).extracting(ReplayView::processed).isSorted();
        return done;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof RuleViolation)) {
            t = t.getCause();
        }
        return t;
    }
}
