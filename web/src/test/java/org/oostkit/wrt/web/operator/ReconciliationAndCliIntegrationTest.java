package org.oostkit.wrt.web.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.adapters.jobs.RoundReconciliation;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.query.processing.DeadLetterAdmin;
import org.oostkit.wrt.web.support.WebIntegrationTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The reconciliation of a round (operator API, CLI, metric) and the dead-letter commands of the CLI. */
@TestPropertySource(properties = "wrt.reconciliation.grace=PT0S")
class ReconciliationAndCliIntegrationTest extends WebIntegrationTestSupport {

    private static final String BEARER = "Bearer " + OPERATOR_KEY;
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final ObjectMapper json = new ObjectMapper();
    private final String domain = "r" + UUID.randomUUID().toString().substring(0, 8) + ".test";
    private final String trigger = "refuse_" + UUID.randomUUID().toString().substring(0, 8);
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    @Autowired
    RoundReconciliation reconciliation;
    @Autowired
    DeadLetterAdmin deadLetters;
    @Autowired
    MeterRegistry meters;

    @AfterEach
    void dropTrigger() {
        jdbc.execute("DROP TRIGGER IF EXISTS " + trigger + " ON mail_recipient");
        jdbc.execute("DROP FUNCTION IF EXISTS " + trigger + "()");
    }

    @Test
    @DisplayName("a removed outbox row shows as drift: operator API, command line and metric")
    void removedOutboxRowIsADrift() throws Exception {
        String admin = "admin@" + domain;
        OrganisationId org = wrt().organisation(admin);
        CampaignId campaign = wrt().campaign(org, Actor.admin(admin), "Ann", "ann@" + domain, "Bo", "bo@" + domain);
        RoundId round = wrt().startRound(org, campaign, Actor.admin(admin), Duration.ofDays(5));
        awaitProjections();

        JsonNode clean = report(round);
        assertThat(clean.get("recorded").asInt()).isEqualTo(2);
        assertThat(clean.get("outboxRows").asInt()).isEqualTo(2);
        assertThat(clean.get("contactRows").asInt()).isEqualTo(2);
        assertThat(clean.get("drift").asBoolean()).isFalse();

        UUID removed = events().payloads(ContactInvited.class, e -> e.roundId().equals(round)).get(0)
                .invitationId().value();
        jdbc.update("DELETE FROM mail_outbox WHERE invitation_id = ?", removed);

        JsonNode drift = report(round);
        assertThat(drift.get("drift").asBoolean()).isTrue();
        assertThat(drift.get("outboxRows").asInt()).isEqualTo(1);
        assertThat(drift.get("problems").toString()).contains("2 invitation(s) recorded, 1 in the mail outbox");
        JsonNode all = json.readTree(mvc.perform(get("/api/operator/reconciliation").header("Authorization", BEARER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(all.get("drifting").toString()).contains(round.toString());

        reconciliation.checkOnSchedule();
        assertThat(meters.get(RoundReconciliation.DRIFTING).gauge().value()).isGreaterThanOrEqualTo(1);

        assertThat(MaintenanceCli.execute(MaintenanceCli.parse(new String[]{"reconcile", round.toString()}),
                deadLetters, reconciliation, out, err)).isEqualTo(OperatorCli.REFUSED);
        assertThat(outBytes.toString(StandardCharsets.UTF_8)).contains("DRIFT: 2 invitation(s) recorded, 1 in the mail outbox");

        mvc.perform(get("/api/operator/reconciliation/rounds/{id}", UUID.randomUUID()).header("Authorization", BEARER))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/operator/reconciliation/rounds/not-a-uuid").header("Authorization", BEARER))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    @DisplayName("the command line lists, retries and evicts dead letters")
    void commandLineDeadLetters() {
        String admin = "admin@cli." + domain;
        OrganisationId org = wrt().organisation(admin);
        String poison = "poison@" + domain;
        CampaignId first = wrt().campaign(org, Actor.admin(admin), "Cy", poison);
        CampaignId second = wrt().campaign(org, Actor.admin(admin), "Di", "di." + poison);
        jdbc.execute("CREATE FUNCTION " + trigger + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.email LIKE '%" + poison + "' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$");
        jdbc.execute("CREATE TRIGGER " + trigger + " BEFORE INSERT ON mail_recipient FOR EACH ROW EXECUTE FUNCTION "
                + trigger + "()");
        wrt().startRound(org, first, Actor.admin(admin), Duration.ofDays(5));
        wrt().startRound(org, second, Actor.admin(admin), Duration.ofDays(5));
        String firstEvent = letterOf(first);
        String secondEvent = letterOf(second);

        assertThat(cli("dead-letters", "list", "mail-policy")).isEqualTo(OperatorCli.OK);
        assertThat(outBytes.toString(StandardCharsets.UTF_8)).contains(firstEvent).contains(secondEvent)
                .contains("organisation " + org).doesNotContain(poison);
        assertThat(cli("dead-letters", "retry", "mail-policy", firstEvent)).isEqualTo(OperatorCli.REFUSED);
        assertThat(outBytes.toString(StandardCharsets.UTF_8)).contains("failed again");

        assertThat(cli("dead-letters", "evict", "mail-policy", secondEvent)).isEqualTo(OperatorCli.OK);
        dropTrigger();
        assertThat(cli("dead-letters", "retry", "mail-policy", firstEvent)).isEqualTo(OperatorCli.OK);
        assertThat(cli("dead-letters", "retry", "mail-policy", secondEvent)).isEqualTo(OperatorCli.REFUSED);
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("No dead letter of event " + secondEvent);
        assertThat(cli("dead-letters", "list", "no-such-processor")).isEqualTo(OperatorCli.REFUSED);

        assertThat(OperatorCli.run(new String[]{"dead-letters"}, out, err, Object.class)).isEqualTo(OperatorCli.USAGE);
        assertThat(OperatorCli.run(new String[]{"dead-letters", "evict", "mail-policy"}, out, err, Object.class))
                .isEqualTo(OperatorCli.USAGE);
        assertThat(OperatorCli.run(new String[]{"reconcile", "nope"}, out, err, Object.class))
                .isEqualTo(OperatorCli.USAGE);
    }

    private String letterOf(CampaignId campaign) {
        UUID invitation = events().payloads(ContactInvited.class, e -> e.campaignId().equals(campaign)).get(0)
                .invitationId().value();
        return await("parked").atMost(WAIT).until(() -> deadLetters.list("mail-policy", 1_000).stream()
                        .filter(letter -> letter.sequence().equals(invitation.toString()))
                        .map(DeadLetterAdmin.Letter::eventId).findFirst().orElse(null),
                id -> id != null);
    }

    private int cli(String... args) {
        return MaintenanceCli.execute(MaintenanceCli.parse(args), deadLetters, reconciliation, out, err);
    }

    private JsonNode report(RoundId round) throws Exception {
        return json.readTree(mvc.perform(get("/api/operator/reconciliation/rounds/{id}", round.toString())
                        .header("Authorization", BEARER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }
}
