package org.oostkit.wrt.api.common;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class RuleTest {

    @Test
    @DisplayName("a rule's code is its name in kebab case, as problem answers and logs have always shown it")
    void codes() {
        assertThat(Rule.ROUND_OPEN.code()).isEqualTo("round-open");
        assertThat(Rule.TIME_ZONE_INVALID.code()).isEqualTo("time-zone-invalid");
        assertThat(Arrays.stream(Rule.values()).map(Rule::code)).allMatch(code -> code.matches("[a-z]+(-[a-z]+)+"));
    }

    @Test
    @DisplayName("a violation names its rule and keeps the code readable")
    void violation() {
        RuleViolation refused = new NotFound("Campaign");
        assertThat(refused.violated()).isEqualTo(Rule.NOT_FOUND);
        assertThat(refused.rule()).isEqualTo("not-found");
        assertThat(refused).hasMessage("Campaign not found");
    }
}
