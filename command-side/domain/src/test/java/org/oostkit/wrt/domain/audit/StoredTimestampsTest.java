package org.oostkit.wrt.domain.audit;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the event store writes an event's time ({@code ChainingAppendEvents} uses Axon's formatter), which the
 * audit trail's SQL time filter and the as-of views rely on.
 */
class StoredTimestampsTest {

    private static String stored(String instant) {
        return DateTimeUtils.formatInstant(Instant.parse(instant));
    }

    @Test
    @DisplayName("always three fractional digits, whatever Instant.toString would print, so the text sorts as time")
    void fixedWidth() {
        assertThat(stored("2026-12-07T09:53:39Z")).isEqualTo("2026-12-07T09:53:39.000Z");
        assertThat(stored("2026-12-07T09:53:39.610Z")).isEqualTo("2026-12-07T09:53:39.610Z");
        assertThat(stored("2026-12-07T09:53:39.610123Z")).isEqualTo("2026-12-07T09:53:39.610Z");
        assertThat(stored("2026-12-07T09:53:39.611000001Z")).isEqualTo("2026-12-07T09:53:39.611Z");
        List<Instant> times = Stream.of("2026-12-07T09:53:39.610123Z", "2026-12-07T09:53:39Z",
                "2026-12-07T09:53:39.611Z", "2026-12-07T09:53:39.610Z", "2026-12-07T09:53:40.001Z")
                .map(Instant::parse).toList();
        List<String> byTime = times.stream().sorted().map(DateTimeUtils::formatInstant).toList();
        List<String> asText = times.stream().map(DateTimeUtils::formatInstant).sorted(Comparator.naturalOrder())
                .toList();
        assertThat(asText).isEqualTo(byTime);
    }

    @Test
    @DisplayName("truncated to the millisecond: an event made just after a clock reading can be stored before it")
    void truncated() {
        Instant reading = Instant.parse("2026-12-07T09:53:49.592129884Z");
        Instant eventMade = Instant.parse("2026-12-07T09:53:49.592900000Z");
        Instant recorded = DateTimeUtils.parseInstant(DateTimeUtils.formatInstant(eventMade));
        assertThat(recorded).isEqualTo(Instant.parse("2026-12-07T09:53:49.592Z")).isBefore(reading);
    }
}
