package org.oostkit.wrt.web.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.processing.DeadLetterMetrics;
import org.oostkit.wrt.web.support.WebIntegrationTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One contact's row the mail tables refuse (a trigger stands in for bad data): that invitation is parked in
 * the mail policy's dead-letter queue, while the rest of its round, its organisation's other campaign and
 * another organisation are mailed; an operator lists the letter and, once the cause is gone, retries it.
 */
@ExtendWith(OutputCaptureExtension.class)
class PoisonEventIsolationTest extends WebIntegrationTestSupport {

    private static final String BEARER = "Bearer " + OPERATOR_KEY;
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final ObjectMapper json = new ObjectMapper();
    private final String domain = "p" + UUID.randomUUID().toString().substring(0, 8) + ".test";
    private final String trigger = "refuse_" + UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    DeadLetterMetrics metrics;

    @AfterEach
    void dropTrigger() {
        allow();
    }

    @Test
    @DisplayName("a refused invitation is parked alone; every other campaign and organisation is mailed; retry heals")
    void poisonedInvitationIsParkedAloneAndRetried(CapturedOutput output) throws Exception {
        Actor adminA = Actor.admin("admin@a." + domain);
        Actor adminB = Actor.admin("admin@b." + domain);
        OrganisationId orgA = wrt().organisation("admin@a." + domain);
        OrganisationId orgB = wrt().organisation("admin@b." + domain);
        String poison = "poison@" + domain;
        CampaignId poisoned = wrt().campaign(orgA, adminA, "Pat", poison, "Quinn", "quinn@" + domain,
                "Robin", "robin@" + domain);
        CampaignId sibling = wrt().campaign(orgA, adminA, "Sam", "sam@" + domain);
        CampaignId other = wrt().campaign(orgB, adminB, "Tess", "tess@" + domain, "Uma", "uma@" + domain);
        refuse(poison);
        double before = metrics.count("mail-policy");

        // the poisoned round starts first: today its failure stopped every later invitation of every organisation
        wrt().startRound(orgA, poisoned, adminA, Duration.ofDays(5));
        wrt().startRound(orgA, sibling, adminA, Duration.ofDays(5));
        wrt().startRound(orgB, other, adminB, Duration.ofDays(5));
        UUID parked = invitation(poisoned, poison);

        List<UUID> healthy = List.of(invitation(poisoned, "quinn@" + domain), invitation(poisoned, "robin@" + domain),
                invitation(sibling, "sam@" + domain), invitation(other, "tess@" + domain),
                invitation(other, "uma@" + domain));
        await("every other invitation mailed").atMost(WAIT).untilAsserted(() ->
                assertThat(healthy).allSatisfy(id -> assertThat(outbox(id)).isEqualTo("sent")));
        assertThat(outbox(parked)).isNull();
        assertThat(metrics.count("mail-policy") - before).isEqualTo(1);

        JsonNode listed = json.readTree(mvc.perform(get("/api/operator/dead-letters").param("group", "mail-policy")
                        .header("Authorization", BEARER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        JsonNode letter = letterOf(listed, parked);
        assertThat(letter.get("eventType").asText()).isEqualTo("ContactInvited");
        assertThat(letter.get("organisationId").asText()).isEqualTo(orgA.toString());
        assertThat(letter.get("sequence").asText()).isEqualTo(parked.toString());
        assertThat(listed.toString()).doesNotContain(poison).doesNotContain("Pat");
        String eventId = letter.get("eventId").asText();
        // the log names the event and the organisation, never the person
        assertThat(output.getAll()).contains("mail-policy event " + eventId + " (ContactInvited, organisation " + orgA);
        assertThat(output.getAll()).doesNotContain(poison);

        // retried before the cause is fixed: it fails again and stays parked
        mvc.perform(post("/api/operator/dead-letters/mail-policy/{id}/retry", eventId).header("Authorization", BEARER))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"outcome\":\"failed_again\"}"));
        assertThat(outbox(parked)).isNull();

        allow();
        mvc.perform(post("/api/operator/dead-letters/mail-policy/{id}/retry", eventId).header("Authorization", BEARER))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"outcome\":\"succeeded\"}"));
        await("the parked invitation mailed").atMost(WAIT).until(() -> "sent".equals(outbox(parked)));
        mvc.perform(post("/api/operator/dead-letters/mail-policy/{id}/retry", eventId).header("Authorization", BEARER))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    @DisplayName("operators can evict a letter; unknown processors and letters are problem+json 404s; the key is needed")
    void evictAndErrors() throws Exception {
        Actor admin = Actor.admin("admin@e." + domain);
        OrganisationId org = wrt().organisation("admin@e." + domain);
        String poison = "evict@" + domain;
        CampaignId campaign = wrt().campaign(org, admin, "Vic", poison);
        refuse(poison);
        wrt().startRound(org, campaign, admin, Duration.ofDays(5));
        UUID parked = invitation(campaign, poison);
        JsonNode letter = await("parked").atMost(WAIT).until(() -> letterOrNull(parked), l -> l != null);
        String eventId = letter.get("eventId").asText();

        mvc.perform(get("/api/operator/dead-letters")).andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/operator/dead-letters/mail-policy/{id}", eventId))
                .andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/operator/dead-letters/mail-policy/{id}", eventId).header("Authorization", BEARER))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"evicted\":true,\"eventId\":\"" + eventId + "\"}"));
        assertThat(letterOrNull(parked)).isNull();
        mvc.perform(delete("/api/operator/dead-letters/mail-policy/{id}", eventId).header("Authorization", BEARER))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/operator/dead-letters").param("group", "no-such-processor")
                        .header("Authorization", BEARER))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        JsonNode all = json.readTree(mvc.perform(get("/api/operator/dead-letters").header("Authorization", BEARER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(all.get("queued").has("mail-policy")).isTrue();
        assertThat(all.get("queued").has("read-models")).isTrue();
        assertThat(all.get("queued").has("tenant-registry")).isTrue();
    }

    private JsonNode letterOrNull(UUID invitation) throws Exception {
        JsonNode listed = json.readTree(mvc.perform(get("/api/operator/dead-letters").param("group", "mail-policy")
                        .header("Authorization", BEARER))
                .andReturn().getResponse().getContentAsString());
        for (JsonNode letter : listed.get("letters")) {
            if (letter.get("sequence").asText().equals(invitation.toString())) {
                return letter;
            }
        }
        return null;
    }

    private static JsonNode letterOf(JsonNode listed, UUID invitation) {
        for (JsonNode letter : listed.get("letters")) {
            if (letter.get("sequence").asText().equals(invitation.toString())) {
                return letter;
            }
        }
        throw new AssertionError("no dead letter for invitation " + invitation + " in " + listed);
    }

    private UUID invitation(CampaignId campaign, String email) {
        return events().payloads(ContactInvited.class, e -> e.campaignId().equals(campaign)
                && e.email().equals(email)).get(0).invitationId().value();
    }

    private String outbox(UUID invitation) {
        List<String> status = jdbc.queryForList(
                "SELECT status FROM mail_outbox WHERE invitation_id = ? AND purpose = 'INVITATION'", String.class,
                invitation);
        return status.isEmpty() ? null : status.get(0);
    }

    /** The mail tables refuse this one address, as PostgreSQL refuses a NUL byte. */
    private void refuse(String email) {
        jdbc.execute("CREATE FUNCTION " + trigger + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.email = '" + email + "' THEN RAISE EXCEPTION 'refused row for %', NEW.email; END IF; "
                + "RETURN NEW; END $$");
        jdbc.execute("CREATE TRIGGER " + trigger + " BEFORE INSERT ON mail_recipient FOR EACH ROW EXECUTE FUNCTION "
                + trigger + "()");
    }

    private void allow() {
        jdbc.execute("DROP TRIGGER IF EXISTS " + trigger + " ON mail_recipient");
        jdbc.execute("DROP FUNCTION IF EXISTS " + trigger + "()");
    }
}
