package org.oostkit.wrt.query;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignCommands.EraseCampaign;
import org.oostkit.wrt.api.campaign.CampaignCommands.ErasePerson;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.round.RoundCommands.CloseRound;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaign;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.rebuild.ReadModelRebuild;
import org.oostkit.wrt.query.support.ReadSideTestSupport;
import org.oostkit.wrt.query.support.ScriptedCampaign;
import org.oostkit.wrt.query.tenant.TenantDirectory;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read models follow erasures: one person's name, address and the reasons given for naming them read as
 * erased while every count stays; an erased campaign leaves no row. A rebuild gives the same tables.
 */
class ErasureReadModelIntegrationTest extends ReadSideTestSupport {

    @Autowired
    ReadModelRebuild rebuild;
    @Autowired
    TenantDirectory tenants;

    @Test
    @DisplayName("an erased person reads as erased in every table, stays counted, and a rebuild agrees")
    void personErased() {
        ScriptedCampaign script = scriptedCampaign("admin@erase-person.test");
        wrt().send(new CloseRound(script.round2, script.organisation), script.admin);
        String schema = tenants.schemaFor(script.organisation).orElseThrow();
        Map<String, Object> before = jdbc.queryForMap("SELECT nominator_count, contacted_round FROM " + schema
                + ".person WHERE email = 'erin@acme.test'");
        CampaignView summary = ask(new FindCampaign(script.organisation, script.campaign), CampaignView.class);

        PersonId erin = wrt().send(new ErasePerson(script.campaign, script.organisation, "Erin@acme.test"),
                script.admin);
        projections().awaitCaughtUp();

        UUID campaign = script.campaign.value();
        assertThat(jdbc.queryForMap("SELECT name, email, nominator_count, contacted_round FROM " + schema
                + ".person WHERE campaign_id = ? AND person_id = ?", campaign, erin.value()))
                .containsEntry("name", "[erased]").containsEntry("email", "[erased]")
                .containsEntry("nominator_count", before.get("nominator_count"))
                .containsEntry("contacted_round", before.get("contacted_round"));
        assertThat(jdbc.queryForList("SELECT name || ' ' || email FROM " + schema
                + ".contact WHERE person_id = ?", String.class, erin.value())).containsOnly("[erased] [erased]");
        List<Map<String, Object>> edges = jdbc.queryForList("SELECT nominee_name, nominee_email, reason FROM "
                + schema + ".nomination WHERE nominee_id = ?", erin.value());
        assertThat(edges).hasSize(3).allSatisfy(edge -> assertThat(edge.values()).containsOnly("[erased]"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM " + schema + ".person WHERE name = 'Frank'",
                Integer.class)).isOne();
        assertThat(ask(new FindCampaign(script.organisation, script.campaign), CampaignView.class))
                .usingRecursiveComparison().ignoringFields("status", "openRound").isEqualTo(summary);
        assertNothingAnywhere(schema, "erin@acme.test");

        Map<String, String> live = checksums(tenants.allSchemas());
        rebuild.rebuild(null, events -> { });
        assertThat(checksums(tenants.allSchemas())).isEqualTo(live);
    }

    @Test
    @DisplayName("an erased campaign leaves no row; other campaigns stay; a rebuild agrees")
    void campaignErased() {
        ScriptedCampaign erased = scriptedCampaign("admin@erase-campaign.test");
        ScriptedCampaign kept = scriptedCampaign("admin@keep-campaign.test");
        wrt().send(new CloseRound(erased.round2, erased.organisation), erased.admin);
        String schema = tenants.schemaFor(erased.organisation).orElseThrow();
        Map<String, String> keptBefore = checksums(List.of(tenants.schemaFor(kept.organisation).orElseThrow()));

        wrt().send(new EraseCampaign(erased.campaign, erased.organisation), erased.admin);
        projections().awaitCaughtUp();

        for (String table : TABLES) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM " + schema + "." + table + " WHERE campaign_id = ?",
                    Integer.class, erased.campaign.value())).as(table).isZero();
        }
        assertThat(checksums(List.of(tenants.schemaFor(kept.organisation).orElseThrow()))).isEqualTo(keptBefore);

        Map<String, String> live = checksums(tenants.allSchemas());
        rebuild.rebuild(null, events -> { });
        assertThat(checksums(tenants.allSchemas())).isEqualTo(live);
    }

    private void assertNothingAnywhere(String schema, String text) {
        for (String table : TABLES) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM " + schema + "." + table + " t WHERE t::text ILIKE ?",
                    Integer.class, "%" + text + "%")).as(table).isZero();
        }
    }
}
