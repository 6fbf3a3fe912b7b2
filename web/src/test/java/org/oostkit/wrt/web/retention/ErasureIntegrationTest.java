package org.oostkit.wrt.web.retention;

import org.awaitility.Awaitility;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignCompleted;
import org.oostkit.wrt.api.campaign.CampaignErased;
import org.oostkit.wrt.api.campaign.ErasureReason;
import org.oostkit.wrt.api.campaign.PersonErased;
import org.oostkit.wrt.api.campaign.SeedPersonAdded;
import org.oostkit.wrt.api.nomination.NomineeInput;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaign;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.web.support.PlaintextScan;
import org.oostkit.wrt.web.support.Scenario;
import org.oostkit.wrt.web.support.WebIntegrationTestSupport;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Erasure end to end on PostgreSQL: after a person's or a campaign's erasure, no table of any schema holds
 * their name or address in plaintext (rows as text, bytea as UTF-8), counts stay right, and a full replay
 * still succeeds and brings nothing back.
 */
class ErasureIntegrationTest extends WebIntegrationTestSupport {

    private static final String ZEB = "zebulon.quist@erase-person.test";
    private static final String YARA = "yara.voss@erase-person.test";

    private RequestPostProcessor as(String email, String authority) {
        return SecurityMockMvcRequestPostProcessors.user(email).authorities(new SimpleGrantedAuthority(authority));
    }

    @Test
    @DisplayName("a person erased on request is nowhere in the database; counts stay; a full replay changes nothing")
    void personErasure() throws Exception {
        Scenario s = new Scenario(wrt(), events(), queries, "admin@erase-person.test",
                "Zebulon Quist", ZEB, "Yara Voss", YARA);
        RoundId round = s.startRound();
        s.nominate(round, YARA, new NomineeInput("Zebulon Quist", ZEB, "Zebulon Quist ran the pilot"),
                new NomineeInput("Xavi Wendt", "xavi.wendt@erase-person.test", "knows everyone"));
        s.nominate(round, ZEB, new NomineeInput("Xavi Wendt", "xavi.wendt@erase-person.test", "works with Zebulon Quist"));
        s.closeRound(round);
        awaitProjections();
        PlaintextScan scan = new PlaintextScan(jdbc);
        assertThat(scan.find(ZEB)).as("the scan finds the address before erasure").isNotEmpty();
        CampaignView before = campaign(s);

        mvc.perform(post("/org/" + s.slug + "/campaigns/" + s.campaign + "/people/erase")
                        .param("email", " Zebulon.Quist@erase-person.test ").param("confirm", "true")
                        .with(as(s.adminEmail, "org:" + s.slug + ":admin")).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/org/" + s.slug + "/campaigns/" + s.campaign));
        awaitProjections();

        assertThat(events().payloads(PersonErased.class, e -> e.campaignId().equals(s.campaign))).hasSize(1);
        assertThat(scan.find(ZEB)).isEmpty();
        assertThat(scan.find("Zebulon Quist")).isEmpty();
        assertThat(scan.find(YARA)).as("everyone else stays").isNotEmpty();
        assertThat(campaign(s)).usingRecursiveComparison().isEqualTo(before);

        // twice: refused with a field message
        mvc.perform(post("/org/" + s.slug + "/campaigns/" + s.campaign + "/people/erase")
                        .param("email", ZEB).param("confirm", "true")
                        .with(as(s.adminEmail, "org:" + s.slug + ":admin")).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("already been erased")));

        fullReplay();
        assertThat(scan.find(ZEB)).isEmpty();
        assertThat(scan.find("Zebulon Quist")).isEmpty();
        assertThat(campaign(s)).usingRecursiveComparison().isEqualTo(before);
    }

    @Test
    @DisplayName("a campaign erased on request (its name typed) is nowhere in the database; others stay")
    void campaignErasure() throws Exception {
        Scenario s = new Scenario(wrt(), events(), queries, "admin@erase-campaign.test",
                "Wilma Ortega", "wilma.ortega@erase-campaign.test", "Vito Pahl", "vito.pahl@erase-campaign.test");
        s.anotherCampaign("Kept Kovacs", "kept.kovacs@erase-campaign.test");
        RoundId round = s.startRound();
        s.nominate(round, "vito.pahl@erase-campaign.test",
                new NomineeInput("Ute Quandt", "ute.quandt@erase-campaign.test", "Wilma Ortega's deputy"));
        awaitProjections();
        String page = "/org/" + s.slug + "/campaigns/" + s.campaign + "/erase";
        RequestPostProcessor admin = as(s.adminEmail, "org:" + s.slug + ":admin");

        // an open round is in the way; the page says so and the erasure is refused
        mvc.perform(get(page).with(admin)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("is still open")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "class=\"danger\" disabled aria-describedby=\"round-open\">Erase this campaign")));
        mvc.perform(post(page).param("confirmName", "Future of work").with(admin).with(csrf()))
                .andExpect(status().isConflict());
        s.closeRound(round);
        awaitProjections();

        mvc.perform(post(page).param("confirmName", "Future of wrk").with(admin).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("exactly as shown")));
        mvc.perform(post(page).param("confirmName", " Future of work ").with(admin).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/org/" + s.slug + "/campaigns"));
        awaitProjections();

        assertThat(events().payloads(CampaignErased.class, e -> e.campaignId().equals(s.campaign)))
                .extracting(CampaignErased::reason).containsExactly(ErasureReason.ON_REQUEST);
        assertThat(events().payloads(SeedPersonAdded.class, e -> e.campaignId().equals(s.campaign)))
                .extracting(SeedPersonAdded::email).containsOnly("[erased]");
        PlaintextScan scan = new PlaintextScan(jdbc);
        for (String erased : new String[]{"wilma.ortega@erase-campaign.test", "Wilma Ortega",
                "vito.pahl@erase-campaign.test", "ute.quandt@erase-campaign.test", "Ute Quandt"}) {
            assertThat(scan.find(erased)).as(erased).isEmpty();
        }
        assertThat(scan.find("kept.kovacs@erase-campaign.test")).as("the other campaign stays").isNotEmpty();
        assertThat(campaign(s)).isNull();
        mvc.perform(get(page).with(admin)).andExpect(status().isNotFound());

        fullReplay();
        assertThat(campaign(s)).isNull();
        assertThat(scan.find("wilma.ortega@erase-campaign.test")).isEmpty();
    }

    @Test
    @DisplayName("only admins erase: auditors are refused, other organisations see nothing")
    void onlyAdmins() throws Exception {
        Scenario s = new Scenario(wrt(), events(), queries, "admin@erase-rights.test", "Tia", "tia@erase-rights.test");
        awaitProjections();
        String page = "/org/" + s.slug + "/campaigns/" + s.campaign;
        mvc.perform(get(page + "/erase").with(as("aud@erase-rights.test", "org:" + s.slug + ":auditor")))
                .andExpect(status().isForbidden());
        mvc.perform(post(page + "/people/erase").param("email", "tia@erase-rights.test").param("confirm", "true")
                        .with(as("aud@erase-rights.test", "org:" + s.slug + ":auditor")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get(page + "/erase").with(as("admin@elsewhere.test", "org:elsewhere:admin")))
                .andExpect(status().isNotFound());
        mvc.perform(get(page + "/people/erase").with(as(s.adminEmail, "org:" + s.slug + ":admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Erase a person")));
        mvc.perform(post(page + "/people/erase").param("email", "nobody@erase-rights.test")
                        .with(as(s.adminEmail, "org:" + s.slug + ":admin")).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Tick the box")));
        mvc.perform(post(page + "/people/erase").param("email", "nobody@erase-rights.test").param("confirm", "true")
                        .with(as(s.adminEmail, "org:" + s.slug + ":admin")).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Nobody with this address")));
        assertThat(events().payloads(PersonErased.class, e -> e.campaignId().equals(s.campaign))).isEmpty();
        assertThat(events().payloads(CampaignCompleted.class, e -> e.campaignId().equals(s.campaign))).isEmpty();
    }

    private CampaignView campaign(Scenario s) {
        return queries.query(new FindCampaign(s.organisation, s.campaign), CampaignView.class).join();
    }

    /** A full replay through the operator API, to its end. */
    private void fullReplay() throws Exception {
        String started = mvc.perform(post("/api/operator/replay").header("Authorization", "Bearer " + WebIntegrationTestSupport.OPERATOR_KEY)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"organisation\": null}"))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        String id = new ObjectMapper().readTree(started).get("id").asText();
        JsonNode progress = Awaitility.await("the replay finishes").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> new ObjectMapper().readTree(mvc.perform(get("/api/operator/replay/" + id)
                                .header("Authorization", "Bearer " + WebIntegrationTestSupport.OPERATOR_KEY)
                                .accept(MediaType.APPLICATION_JSON))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()),
                        answer -> answer.get("finished").asBoolean());
        assertThat(progress.get("status").asText()).isEqualTo("COMPLETED");
        awaitProjections();
    }
}
