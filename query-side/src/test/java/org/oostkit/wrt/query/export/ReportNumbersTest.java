package org.oostkit.wrt.query.export;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportNumbersTest {

    @Test
    @DisplayName("a rate reads as a whole percentage, rounded half up")
    void percent() {
        assertThat(ReportNumbers.percent(0)).isEqualTo("0%");
        assertThat(ReportNumbers.percent(2 / 3.0)).isEqualTo("67%");
        assertThat(ReportNumbers.percent(0.125)).isEqualTo("13%");
        assertThat(ReportNumbers.percent(1)).isEqualTo("100%");
    }
}
