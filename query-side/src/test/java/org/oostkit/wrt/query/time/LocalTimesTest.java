package org.oostkit.wrt.query.time;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("LocalTimes")
class LocalTimesTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final Instant WINTER = Instant.parse("2026-12-18T16:00:00Z");
    private static final Instant SUMMER = Instant.parse("2026-07-03T15:00:00Z");

    @Nested
    @DisplayName("a moment in full")
    class Moment {

        @Test
        @DisplayName("names the day, the local time, the zone and its abbreviation in force")
        void winterAndSummer() {
            assertThat(LocalTimes.moment(WINTER, AMSTERDAM)).isEqualTo("Friday 18 December 2026, 17:00 (Europe/Amsterdam, CET)");
            assertThat(LocalTimes.moment(SUMMER, AMSTERDAM)).isEqualTo("Friday 3 July 2026, 17:00 (Europe/Amsterdam, CEST)");
            assertThat(LocalTimes.moment(WINTER, NEW_YORK)).isEqualTo("Friday 18 December 2026, 11:00 (America/New_York, EST)");
            assertThat(LocalTimes.moment(SUMMER, NEW_YORK)).isEqualTo("Friday 3 July 2026, 11:00 (America/New_York, EDT)");
        }

        @Test
        @DisplayName("reads in the nominator's language and keeps the zone's name")
        void perLocale() {
            assertThat(LocalTimes.moment(WINTER, AMSTERDAM, java.util.Locale.forLanguageTag("nl")))
                    .isEqualTo("vrijdag 18 december 2026, 17:00 (Europe/Amsterdam, CET)");
            assertThat(LocalTimes.moment(WINTER, AMSTERDAM, java.util.Locale.GERMAN))
                    .isEqualTo("Freitag, 18. Dezember 2026, 17:00 (Europe/Amsterdam, CET)");
            assertThat(LocalTimes.moment(WINTER, AMSTERDAM, java.util.Locale.FRENCH))
                    .isEqualTo("vendredi 18 décembre 2026, 17:00 (Europe/Amsterdam, CET)");
            assertThat(LocalTimes.moment(WINTER, AMSTERDAM, java.util.Locale.ENGLISH))
                    .isEqualTo(LocalTimes.moment(WINTER, AMSTERDAM));
            assertThat(LocalTimes.dayMonth(WINTER, AMSTERDAM, java.util.Locale.GERMAN)).isEqualTo("18. Dezember");
        }

        @Test
        @DisplayName("a half-hour offset moves the minutes and, here, the day")
        void halfHour() {
            assertThat(LocalTimes.moment(Instant.parse("2026-12-18T18:45:00Z"), KOLKATA))
                    .isEqualTo("Saturday 19 December 2026, 00:15 (Asia/Kolkata, IST)");
        }

        @Test
        @DisplayName("UTC is called UTC, whichever id names it")
        void utc() {
            assertThat(LocalTimes.moment(WINTER, ZoneId.of("UTC"))).isEqualTo("Friday 18 December 2026, 16:00 (UTC)");
            assertThat(LocalTimes.moment(WINTER, ZoneOffset.UTC)).isEqualTo("Friday 18 December 2026, 16:00 (UTC)");
            assertThat(LocalTimes.moment(WINTER, ZoneId.of("Etc/UTC"))).endsWith("(UTC)");
        }

        @Test
        @DisplayName("a zone without an abbreviation shows its offset, not a generic GMT name")
        void noAbbreviation() {
            // Etc/GMT+3 is three hours behind (POSIX signs are inverted): its text name would be "GMT-03:00"
            assertThat(LocalTimes.abbreviation(WINTER, ZoneId.of("Etc/GMT+3"))).isEqualTo("UTC-03:00");
        }

        @Test
        @DisplayName("null is empty text")
        void none() {
            assertThat(LocalTimes.moment(null, AMSTERDAM)).isEmpty();
            assertThat(LocalTimes.iso(null, AMSTERDAM)).isEmpty();
        }
    }

    @Test
    @DisplayName("short forms for tables, the day alone, and ISO-8601 with the offset for files")
    void shortForms() {
        assertThat(LocalTimes.shortMoment(WINTER, AMSTERDAM)).isEqualTo("18 Dec 2026, 17:00 CET");
        assertThat(LocalTimes.day(WINTER, KOLKATA)).isEqualTo("18 December 2026");
        assertThat(LocalTimes.shortDay(WINTER, KOLKATA)).isEqualTo("18 Dec 2026");
        assertThat(LocalTimes.iso(WINTER.plusMillis(900), AMSTERDAM)).isEqualTo("2026-12-18T17:00:00+01:00");
        assertThat(LocalTimes.iso(WINTER, KOLKATA)).isEqualTo("2026-12-18T21:30:00+05:30");
        assertThat(LocalTimes.iso(WINTER, ZoneId.of("UTC"))).isEqualTo("2026-12-18T16:00:00Z");
    }

    @Test
    @DisplayName("the short forms in the reader's language, English unchanged")
    void shortFormsPerLocale() {
        java.util.Locale dutch = java.util.Locale.forLanguageTag("nl");
        assertThat(LocalTimes.shortMoment(WINTER, AMSTERDAM, dutch)).isEqualTo("18 dec. 2026, 17:00 CET");
        assertThat(LocalTimes.day(WINTER, KOLKATA, dutch)).isEqualTo("18 december 2026");
        assertThat(LocalTimes.shortDay(WINTER, KOLKATA, java.util.Locale.GERMAN)).isEqualTo("18. Dez. 2026");
        assertThat(LocalTimes.shortMoment(WINTER, AMSTERDAM, java.util.Locale.ENGLISH))
                .isEqualTo(LocalTimes.shortMoment(WINTER, AMSTERDAM));
        assertThat(LocalTimes.shortMoment(null, AMSTERDAM, dutch)).isEmpty();
    }

    @Nested
    @DisplayName("entered local times")
    class Entry {

        @Test
        @DisplayName("are read in the zone and shown back the same")
        void roundTrip() {
            Instant read = LocalTimes.fromInput("2026-12-18T17:00", AMSTERDAM);
            assertThat(read).isEqualTo(WINTER);
            assertThat(LocalTimes.inputValue(read, AMSTERDAM)).isEqualTo("2026-12-18T17:00");
            assertThat(LocalTimes.fromInput("2026-12-18T17:00", NEW_YORK)).isEqualTo(Instant.parse("2026-12-18T22:00:00Z"));
        }

        @Test
        @DisplayName("a time skipped when clocks go forward moves forward by the gap")
        void gap() {
            // 29 March 2026: Amsterdam jumps from 02:00 CET to 03:00 CEST
            assertThat(LocalTimes.fromInput("2026-03-29T02:30", AMSTERDAM)).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
            assertThat(LocalTimes.moment(LocalTimes.fromInput("2026-03-29T02:30", AMSTERDAM), AMSTERDAM))
                    .isEqualTo("Sunday 29 March 2026, 03:30 (Europe/Amsterdam, CEST)");
            assertThat(LocalTimes.ambiguous("2026-03-29T02:30", AMSTERDAM)).isTrue();
        }

        @Test
        @DisplayName("a time that happens twice when clocks go back takes the earlier offset (the first time)")
        void overlap() {
            // 1 November 2026: New York goes back from 02:00 EDT to 01:00 EST
            assertThat(LocalTimes.fromInput("2026-11-01T01:30", NEW_YORK)).isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
            assertThat(LocalTimes.moment(LocalTimes.fromInput("2026-11-01T01:30", NEW_YORK), NEW_YORK))
                    .isEqualTo("Sunday 1 November 2026, 01:30 (America/New_York, EDT)");
            assertThat(LocalTimes.ambiguous("2026-11-01T01:30", NEW_YORK)).isTrue();
            assertThat(LocalTimes.ambiguous("2026-11-01T03:30", NEW_YORK)).isFalse();
        }

        @Test
        @DisplayName("seconds are allowed; blank or malformed input is null")
        void malformed() {
            assertThat(LocalTimes.fromInput("2026-12-18T17:00:30", AMSTERDAM)).isEqualTo(WINTER.plusSeconds(30));
            assertThat(LocalTimes.fromInput(" ", AMSTERDAM)).isNull();
            assertThat(LocalTimes.fromInput(null, AMSTERDAM)).isNull();
            assertThat(LocalTimes.fromInput("18-12-2026 17:00", AMSTERDAM)).isNull();
            assertThat(LocalTimes.fromInput("2026-02-30T10:00", AMSTERDAM)).isNull();
        }
    }
}
