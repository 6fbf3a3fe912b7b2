package org.oostkit.wrt.query;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.rebuild.ReadModelRebuild;
import org.oostkit.wrt.query.support.ReadSideTestSupport;
import org.oostkit.wrt.query.tenant.TenantSchemas;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild in which one organisation's tables refuse their rows: that organisation is reported (event id or
 * kind of failure, no content) and keeps its tables; every other organisation is rebuilt.
 */
class RebuildIsolationIntegrationTest extends ReadSideTestSupport {

    @Autowired
    ReadModelRebuild rebuild;

    @Test
    @DisplayName("a rebuild reports the organisation it could not rebuild and rebuilds the others")
    void oneOrganisationFailsTheOthersAreRebuilt() {
        Actor admin = Actor.admin("admin@rebuild-iso.test");
        OrganisationId broken = wrt().organisation("admin@rebuild-iso.test");
        OrganisationId healthy = wrt().organisation("admin@rebuild-iso.test");
        CampaignId brokenCampaign = wrt().campaign(broken, admin, "Ann", "ann@rebuild-iso.test");
        CampaignId healthyCampaign = wrt().campaign(healthy, admin, "Ben", "ben@rebuild-iso.test");
        wrt().startRound(broken, brokenCampaign, admin, Duration.ofDays(3));
        wrt().startRound(healthy, healthyCampaign, admin, Duration.ofDays(3));
        projections().awaitCaughtUp();
        String brokenSchema = TenantSchemas.schemaOf(broken);
        String healthySchema = TenantSchemas.schemaOf(healthy);
        Map<String, String> before = checksums(List.of(brokenSchema, healthySchema));
        // the healthy tenant's tables are damaged: the rebuild must restore them
        jdbc.update("DELETE FROM " + healthySchema + ".contact");

        String function = "refuse_" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.execute("CREATE FUNCTION " + brokenSchema + "." + function + "() RETURNS trigger LANGUAGE plpgsql AS $$ "
                + "BEGIN RAISE EXCEPTION 'refused %', NEW.name; END $$");
        jdbc.execute("CREATE TRIGGER " + function + " BEFORE INSERT ON " + brokenSchema + ".person FOR EACH ROW "
                + "EXECUTE FUNCTION " + brokenSchema + "." + function + "()");
        ReadModelRebuild.Result result;
        try {
            result = rebuild.rebuild(null, events -> { });
        } finally {
            jdbc.execute("DROP TRIGGER " + function + " ON " + brokenSchema + ".person");
            jdbc.execute("DROP FUNCTION " + brokenSchema + "." + function + "()");
        }

        assertThat(result.notRebuilt()).containsOnlyKeys(broken.value());
        assertThat(result.notRebuilt().get(broken.value())).contains("refused the rebuilt rows")
                .doesNotContain("Ann").doesNotContain("ann@");
        // the broken tenant keeps its tables as they were; the healthy one is rebuilt whole
        assertThat(checksums(List.of(brokenSchema, healthySchema))).isEqualTo(before);
    }
}
