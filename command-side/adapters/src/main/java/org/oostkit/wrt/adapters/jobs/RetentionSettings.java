package org.oostkit.wrt.adapters.jobs;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Period;

/**
 * {@code wrt.retention.*}: how long a completed campaign is kept ({@code period}, ISO-8601, e.g. P24M) and
 * when the retention job runs ({@code schedule}, a six-field cron expression in UTC).
 */
@ConfigurationProperties("wrt.retention")
public record RetentionSettings(Period period, String schedule) {

    public RetentionSettings {
        if (period == null) {
            period = Period.ofMonths(24);
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("wrt.retention.period must be positive, was " + period);
        }
        if (schedule == null || schedule.isBlank()) {
            schedule = "0 0 3 * * MON";
        }
    }
}
