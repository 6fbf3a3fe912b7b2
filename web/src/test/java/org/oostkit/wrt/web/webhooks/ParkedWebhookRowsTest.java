package org.oostkit.wrt.web.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.web.support.WebIntegrationTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A webhook inbox row that cannot be applied is parked (gauge, operator API), retried on request, evicted. */
class ParkedWebhookRowsTest extends WebIntegrationTestSupport {

    private static final String BEARER = "Bearer " + OPERATOR_KEY;

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    MeterRegistry meters;

    @Test
    void parkedRowIsListedRetriedAndEvicted() throws Exception {
        Long id = jdbc.queryForObject("INSERT INTO webhook_inbox (provider, reports) VALUES ('postmark', 'not json') "
                + "RETURNING id", Long.class);
        await("parked").atMost(Duration.ofSeconds(30)).until(() -> parked(id));
        assertThat(meters.get("wrt.webhooks.inbox.parked").gauge().value()).isGreaterThanOrEqualTo(1);

        JsonNode listed = json.readTree(mvc.perform(get("/api/operator/webhook-inbox/parked")
                        .header("Authorization", BEARER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(listed.get("rows").toString()).contains("\"id\":" + id);

        mvc.perform(post("/api/operator/webhook-inbox/{id}/retry", id).header("Authorization", BEARER))
                .andExpect(status().isOk());
        // still unreadable: tried once more, parked again
        await("parked again").atMost(Duration.ofSeconds(30)).until(() -> parked(id)
                && jdbc.queryForObject("SELECT attempts FROM webhook_inbox WHERE id = ?", Integer.class, id) == 1);

        mvc.perform(delete("/api/operator/webhook-inbox/{id}", id)).andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/operator/webhook-inbox/{id}", id).header("Authorization", BEARER))
                .andExpect(status().isOk());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM webhook_inbox WHERE id = ?", Integer.class, id)).isZero();
        mvc.perform(delete("/api/operator/webhook-inbox/{id}", id).header("Authorization", BEARER))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private boolean parked(long id) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT parked_at IS NOT NULL FROM webhook_inbox WHERE id = ?", Boolean.class, id));
    }
}
