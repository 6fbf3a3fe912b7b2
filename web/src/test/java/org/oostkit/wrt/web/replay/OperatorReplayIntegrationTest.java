package org.oostkit.wrt.web.replay;

import org.awaitility.Awaitility;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.query.rebuild.ReadModelRebuild;
import org.oostkit.wrt.web.support.Scenario;
import org.oostkit.wrt.web.support.WebIntegrationTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The operator's replay API, its progress page and the command line, on the running application. */
class OperatorReplayIntegrationTest extends WebIntegrationTestSupport {

    private static final String BEARER = "Bearer " + WebIntegrationTestSupport.OPERATOR_KEY;

    @Autowired
    ReadModelRebuild rebuild;
    @Autowired
    ApplicationContext context;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    @DisplayName("202 with progress, one replay at a time (409), progress as JSON and as a page, 100% at the end")
    void replayWithProgress() throws Exception {
        Scenario s = new Scenario(wrt(), events(), queries, "admin@replay-api.test", "Pia", "pia@replay-api.test");
        awaitProjections();
        String id;
        // holding the rebuild's lock keeps the replay at its start, so the conflict is certain
        synchronized (rebuild) {
            String body = mvc.perform(post("/api/operator/replay").header("Authorization", BEARER)
                            .contentType(MediaType.APPLICATION_JSON).content("{\"organisation\": \"" + s.slug + "\"}"))
                    .andExpect(status().isAccepted())
                    .andExpect(header().string("Location", startsWith("/api/operator/replay/")))
                    .andExpect(jsonPath("$.organisation").value(s.slug))
                    .andExpect(jsonPath("$.status").value("READING"))
                    .andExpect(jsonPath("$.finished").value(false))
                    .andReturn().getResponse().getContentAsString();
            id = new ObjectMapper().readTree(body).get("id").asText();
            mvc.perform(post("/api/operator/replay").header("Authorization", BEARER))
                    .andExpect(status().isConflict())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail", containsString(id)));
            mvc.perform(get("/api/operator/replay/" + id).header("Authorization", BEARER).accept(MediaType.TEXT_HTML))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Refresh", "2"))
                    .andExpect(content().string(containsString("Replay of the read models")))
                    .andExpect(content().string(containsString(s.slug)));
        }
        List<JsonNode> seen = new ArrayList<>();
        // every answer is kept: the progress seen on the way is checked below
        JsonNode last = Awaitility.await("the replay finishes").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> {
                    JsonNode answer = new ObjectMapper().readTree(mvc.perform(get("/api/operator/replay/" + id)
                                    .header("Authorization", BEARER).accept(MediaType.APPLICATION_JSON))
                            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
                    seen.add(answer);
                    return answer;
                }, answer -> answer.get("finished").asBoolean());
        assertThat(last).isNotNull();
        assertThat(last.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(last.get("percent").asInt()).isEqualTo(100);
        assertThat(last.get("processed").asLong()).isGreaterThanOrEqualTo(last.get("total").asLong()).isPositive();
        assertThat(last.get("remainingSeconds").asLong()).isZero();
        assertThat(seen).extracting(n -> n.get("processed").asLong()).isSorted();
        mvc.perform(get("/api/operator/replay/" + id).header("Authorization", BEARER).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Refresh"))
                .andExpect(content().string(containsString("COMPLETED")));
        assertThat(meters.get("wrt.replay.events.processed").gauge().value())
                .isEqualTo(last.get("processed").asDouble());
        assertThat(meters.get("wrt.replay.events.total").gauge().value()).isEqualTo(last.get("total").asDouble());
        assertThat(meters.get("wrt.replay.events.rate").gauge().value()).isPositive();
        assertThat(meters.get("wrt.replay.running").gauge().value()).isZero();
    }

    @Test
    @DisplayName("an unknown organisation or replay is 404 problem+json")
    void unknown() throws Exception {
        mvc.perform(post("/api/operator/replay").header("Authorization", BEARER)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"organisation\": \"no-such-org\"}"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/operator/replay/" + UUID.randomUUID()).header("Authorization", BEARER)
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isNotFound());
    }

    @Test
    @DisplayName("the command line replays one organisation and prints progress lines to the end")
    void commandLine() {
        Scenario s = new Scenario(wrt(), events(), queries, "admin@replay-cli.test", "Cleo", "cleo@replay-cli.test");
        awaitProjections();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = ReplayCommand.replay(context, s.slug, new PrintStream(bytes, true, StandardCharsets.UTF_8),
                Duration.ofMillis(20));
        String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isZero();
        assertThat(output.lines()).first().asString().startsWith("replay ").contains("(" + s.slug + ")");
        assertThat(output.lines()).last().asString().contains("completed").contains("(100%)");

        assertThat(ReplayCommand.replay(context, "no-such-org", new PrintStream(new ByteArrayOutputStream()),
                Duration.ofMillis(20))).isEqualTo(2);
    }

    @Test
    @DisplayName("command-line arguments: none (all), --org SLUG, --org=SLUG; anything else is refused")
    void arguments() {
        assertThat(ReplayCommand.organisationArgument(new String[0])).isNull();
        assertThat(ReplayCommand.organisationArgument(new String[]{"--org", "acme"})).isEqualTo("acme");
        assertThat(ReplayCommand.organisationArgument(new String[]{"--org=acme"})).isEqualTo("acme");
        assertThatThrownBy(() -> ReplayCommand.organisationArgument(new String[]{"--org"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReplayCommand.organisationArgument(new String[]{"acme"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
