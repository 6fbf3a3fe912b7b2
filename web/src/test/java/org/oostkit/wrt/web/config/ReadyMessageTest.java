package org.oostkit.wrt.web.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadyMessageTest {

    @Test
    void theEmbeddedRunNamesTheUrlTheDemoSignInAndTheDevMailbox() {
        String text = new ReadyMessage("http://localhost:8080", true, "").lines(8080);

        assertThat(text).contains("open http://localhost:8080/")
                .contains("admin@demo.local")
                .contains("http://localhost:8080/dev/mail")
                .doesNotContain("listens on port");
    }

    @Test
    void aProductionRunSaysMailGoesOutAndWhereTheServerReallyListens() {
        String text = new ReadyMessage("https://wrt.example.org/", false, "smtp.example.org").lines(8443);

        assertThat(text).contains("open https://wrt.example.org/")
                .contains("listens on port 8443")
                .contains("through SMTP_HOST")
                .doesNotContain("admin@demo.local")
                .doesNotContain("/dev/mail");
    }
}
