package org.oostkit.wrt.web.webhooks;

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
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.oostkit.wrt.web.webhooks.EmailWebhookControllerTest.from;
import static org.oostkit.wrt.web.webhooks.EmailWebhookControllerTest.postmark;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** With no credentials configured (the embedded default), both endpoints refuse every request. */
@WebMvcTest(EmailWebhookController.class)
@Import({SecurityConfiguration.class, WebhookConfiguration.class, DeliveryReports.class, WebhookInbox.class,
        EmailWebhookControllerTest.Support.class})
@DisplayName("Email webhook endpoints without credentials")
class UnconfiguredWebhooksTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ActingCommandGateway commands;
    @MockitoBean
    JdbcTemplate jdbc;

    @Test
    @DisplayName("Postmark's endpoint refuses everything with 401, even empty credentials")
    void postmarkRefused() throws Exception {
        String empty = "Basic " + Base64.getEncoder().encodeToString(":".getBytes(StandardCharsets.UTF_8));
        mvc.perform(postmark(empty, "198.51.100.40"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("This endpoint is not configured."));
        mvc.perform(postmark(null, "198.51.100.40")).andExpect(status().isUnauthorized());
        verifyNoInteractions(commands, jdbc);
    }

    @Test
    @DisplayName("SendGrid's endpoint refuses everything with 401")
    void sendGridRefused() throws Exception {
        mvc.perform(post("/webhooks/email/sendgrid").with(from("198.51.100.20")).contentType(MediaType.APPLICATION_JSON)
                        .header(EmailWebhookController.SIGNATURE_HEADER, "MEUCIQ==")
                        .header(EmailWebhookController.TIMESTAMP_HEADER, "1700000000")
                        .content(Fixtures.payload("sendgrid-events.json", "a", "b")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("This endpoint is not configured."));
        verifyNoInteractions(commands, jdbc);
    }
}
