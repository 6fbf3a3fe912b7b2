package org.oostkit.wrt.adapters.webhooks;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Webhook inbox retries")
class WebhookInboxTest {

    @Test
    @DisplayName("back off exponentially from 5 seconds to at most 30 minutes")
    void backoff() {
        assertThat(WebhookInbox.backoff(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(WebhookInbox.backoff(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(WebhookInbox.backoff(5)).isEqualTo(Duration.ofSeconds(80));
        assertThat(WebhookInbox.backoff(9)).isEqualTo(Duration.ofMinutes(21).plusSeconds(20));
        assertThat(WebhookInbox.backoff(10)).isEqualTo(Duration.ofMinutes(30));
        assertThat(WebhookInbox.backoff(1000)).isEqualTo(Duration.ofMinutes(30));
    }
}
