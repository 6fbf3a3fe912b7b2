package org.oostkit.wrt.web.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oostkit.wrt.web.WrtApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class DevelopmentKeysGuardTest {

    @Test
    void startUpWithTheDevelopmentKeysAndAPublicBaseUrlFailsNamingTheVariables(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(WrtApplication.class)
                .properties("wrt.test.configured-keys=true")
                .run("--wrt.base-url=https://wrt.example.org", "--server.port=0").close())
                .hasRootCauseInstanceOf(DevelopmentKeysGuard.PublicKeysRefused.class)
                .rootCause().hasMessageContaining("WRT_HMAC_KEY and WRT_MASTER_KEY are set to a published development key")
                .hasMessageContaining("https://wrt.example.org");
        // the start-up report says what to do, not a bean-creation stack trace
        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
                .contains("Set WRT_HMAC_KEY and WRT_MASTER_KEY");
    }

    @Test
    void theComposeKeysAreRefusedToo() {
        assertThatThrownBy(() -> new DevelopmentKeysGuard(DevelopmentKeysGuard.COMPOSE_MASTER_KEY,
                "bXktb3duLWhtYWMta2V5LW15LW93bi1obWFjLWtleSE=", "http://wrt.internal:8080"))
                .isInstanceOf(DevelopmentKeysGuard.PublicKeysRefused.class)
                .hasMessageContaining("WRT_MASTER_KEY is set to a published development key");
    }

    @Test
    void theEmbeddedRunOnLoopbackMayUseThem() {
        new DevelopmentKeysGuard(DevelopmentKeysGuard.DEV_MASTER_KEY, DevelopmentKeysGuard.DEV_HMAC_KEY,
                "http://localhost:8080");
        new DevelopmentKeysGuard(DevelopmentKeysGuard.DEV_MASTER_KEY, DevelopmentKeysGuard.DEV_HMAC_KEY,
                "http://127.0.0.1:8080");
        new DevelopmentKeysGuard(DevelopmentKeysGuard.DEV_MASTER_KEY, DevelopmentKeysGuard.DEV_HMAC_KEY,
                "http://[::1]:8080");
        assertThat(DevelopmentKeysGuard.loopback("http://localhost.example.org")).isFalse();
        assertThat(DevelopmentKeysGuard.loopback("http://10.0.0.1")).isFalse();
    }
}
