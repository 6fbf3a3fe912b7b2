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
class AxonServerModeGuardTest {

    @Test
    void axonServerModeIsRefusedBeforeAnythingStartsWithWhatToDo(CapturedOutput output) {
        // as the environment variable sets it, through application.yml
        assertThatThrownBy(() -> new SpringApplicationBuilder(WrtApplication.class)
                .run("--AXON_SERVER_ENABLED=true", "--server.port=0").close())
                .isInstanceOf(AxonServerModeGuard.AxonServerModeRefused.class)
                .hasMessageContaining("does not run on Axon Server").hasMessageContaining("hash chain");
        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
                .contains("Unset AXON_SERVER_ENABLED").doesNotContain("Started WrtApplication");
        // and as the property itself
        assertThatThrownBy(() -> new SpringApplicationBuilder(WrtApplication.class)
                .run("--axon.axonserver.enabled=true", "--server.port=0").close())
                .isInstanceOf(AxonServerModeGuard.AxonServerModeRefused.class);
    }
}
