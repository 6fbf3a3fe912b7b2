package org.oostkit.wrt.web.webhooks;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.oostkit.wrt.api.common.ActingCommandGateway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.adapters.webhooks.DeliveryReports;
import org.oostkit.wrt.adapters.webhooks.Fixtures;
import org.oostkit.wrt.adapters.webhooks.WebhookConfiguration;
import org.oostkit.wrt.adapters.webhooks.WebhookInbox;
import org.oostkit.wrt.web.security.SecurityConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The endpoints' answers before any command is sent: refusal while unconfigured, the per-IP limit on
 * unauthenticated requests. The command gateway (Axon's) and the JDBC template (Spring's) stand in only to
 * prove that nothing was sent or stored.
 */
@WebMvcTest(EmailWebhookController.class)
@Import({SecurityConfiguration.class, WebhookConfiguration.class, DeliveryReports.class, WebhookInbox.class,
        EmailWebhookControllerTest.Support.class})
@TestPropertySource(properties = {
        "wrt.webhooks.postmark.username=postmark-hooks",
        "wrt.webhooks.postmark.password=s3cret",
        "wrt.webhooks.rate-limit.unauthenticated-per-minute=3"})
@DisplayName("Email webhook endpoints")
class EmailWebhookControllerTest {

    private static final String GOOD = "Basic " + Base64.getEncoder()
            .encodeToString("postmark-hooks:s3cret".getBytes(StandardCharsets.UTF_8));
    private static final String BAD = "Basic " + Base64.getEncoder()
            .encodeToString("postmark-hooks:guess".getBytes(StandardCharsets.UTF_8));
    /** Postmark's test record: no WRT metadata, so it is acknowledged without a command. */
    static final String TEST_RECORD = Fixtures.payload("postmark-delivery.json", "a_value", "b_value");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ActingCommandGateway commands;
    @MockitoBean
    JdbcTemplate jdbc;

    @Test
    @DisplayName("unauthenticated requests are 401 up to the limit per client IP, then 429 with Retry-After")
    void rateLimited() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(postmark(BAD, "198.51.100.7")).andExpect(status().isUnauthorized());
        }
        mvc.perform(postmark(null, "198.51.100.7"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/webhooks/email/sendgrid").with(from("198.51.100.7")).contentType(MediaType.APPLICATION_JSON)
                        .content("[]"))
                .andExpect(status().isTooManyRequests());
        // another client is not affected, and the provider's authenticated traffic never is
        mvc.perform(postmark(BAD, "198.51.100.8")).andExpect(status().isUnauthorized());
        mvc.perform(postmark(GOOD, "198.51.100.7"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.received").value(1))
                .andExpect(jsonPath("$.queued").value(0))
                .andExpect(jsonPath("$.ignored").value(1));
        verifyNoInteractions(commands, jdbc);
    }

    @Test
    @DisplayName("SendGrid without a configured key refuses everything with 401")
    void sendGridUnconfigured() throws Exception {
        mvc.perform(post("/webhooks/email/sendgrid").with(from("198.51.100.20")).contentType(MediaType.APPLICATION_JSON)
                        .header(EmailWebhookController.SIGNATURE_HEADER, "MEUCIQ==")
                        .header(EmailWebhookController.TIMESTAMP_HEADER, "1700000000")
                        .content(Fixtures.payload("sendgrid-events.json", "a", "b")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("This endpoint is not configured."));
        verifyNoInteractions(commands, jdbc);
    }

    @Test
    @DisplayName("an authenticated body that is not JSON is 400 problem+json")
    void malformed() throws Exception {
        mvc.perform(post("/webhooks/email/postmark").with(from("198.51.100.30")).header("Authorization", GOOD)
                        .contentType(MediaType.APPLICATION_JSON).content("<xml/>"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Malformed webhook body"));
    }

    @Test
    @DisplayName("an authenticated body with a control character in a field is 400 problem+json, nothing stored")
    void controlCharacter() throws Exception {
        mvc.perform(post("/webhooks/email/postmark").with(from("198.51.100.31")).header("Authorization", GOOD)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"RecordType\":\"Delivery\",\"MessageID\":"
                                + "\"883953f4\\u0000\",\"DeliveredAt\":\"2019-11-05T16:33:54Z\",\"Metadata\":{}}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Malformed webhook body"))
                .andExpect(jsonPath("$.detail").value("The field MessageID contains an invisible control character "
                        + "(U+0000), which is not allowed."));
        verifyNoInteractions(commands, jdbc);
    }

    static MockHttpServletRequestBuilder postmark(String authorization, String client) {
        MockHttpServletRequestBuilder request = post("/webhooks/email/postmark").with(from(client))
                .contentType(MediaType.APPLICATION_JSON).content(TEST_RECORD);
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    static RequestPostProcessor from(String client) {
        return request -> {
            request.setRemoteAddr(client);
            return request;
        };
    }

    static class Support {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
