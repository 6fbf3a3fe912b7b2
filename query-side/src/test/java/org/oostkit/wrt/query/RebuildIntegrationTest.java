package org.oostkit.wrt.query;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaign;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.rebuild.ReadModelRebuild;
import org.oostkit.wrt.query.support.ReadSideTestSupport;
import org.oostkit.wrt.query.support.ScriptedCampaign;
import org.oostkit.wrt.query.tenant.TenantDirectory;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk rebuild gives exactly the tables the live projections built (every tenant, every table), and the
 * processor carries on live from where the rebuild stopped.
 */
class RebuildIntegrationTest extends ReadSideTestSupport {

    @Autowired
    ReadModelRebuild rebuild;
    @Autowired
    TenantDirectory tenants;

    @Test
    @DisplayName("a bulk rebuild equals the live read models, and live processing resumes after it")
    void rebuildEqualsLive() {
        ScriptedCampaign first = scriptedCampaign("admin@rebuild-a.test");
        scriptedCampaign("admin@rebuild-b.test");
        Map<String, String> live = checksums();

        List<Long> progress = new ArrayList<>();
        ReadModelRebuild.Result result = rebuild.rebuild(null, progress::add);

        assertThat(result.events()).isGreaterThan(100);
        assertThat(progress).isNotEmpty().last().isEqualTo(result.events());
        assertThat(checksums()).isEqualTo(live);

        ContactInvited gina = first.invited(first.round2).get("Gina");
        first.nominate(gina, "gina@acme.test", ScriptedCampaign.person("Ivo"));
        projections().awaitCaughtUp();
        assertThat(ask(new FindCampaign(first.organisation, first.campaign), CampaignView.class).nominations())
                .isEqualTo(12);
    }

    private Map<String, String> checksums() {
        return checksums(tenants.allSchemas());
    }
}
