package org.oostkit.wrt.adapters.mail;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class MailBackoffTest {

    private final MailProperties.Sender sender = new MailProperties.Sender(16, 20, Duration.ofMillis(500),
            Duration.ofSeconds(30), Duration.ofMinutes(30), 10, Duration.ofMinutes(2));

    @Test
    @DisplayName("the outbox waits the initial backoff, doubled after each further failure, at most the maximum")
    void backoff() {
        assertThat(sender.backoff(0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(sender.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(sender.backoff(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(sender.backoff(6)).isEqualTo(Duration.ofMinutes(16));
        assertThat(sender.backoff(7)).isEqualTo(Duration.ofMinutes(30));
        assertThat(sender.backoff(1000)).isEqualTo(Duration.ofMinutes(30));
    }
}
