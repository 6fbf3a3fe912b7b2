package org.oostkit.wrt.web.replay;

import org.oostkit.wrt.query.api.ReplayView;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** A replay's progress as the operator API answers it (JSON) and the page and command line show it. */
record ReplayProgress(UUID id,
                      String organisation,
                      String status,
                      boolean finished,
                      long processed,
                      long total,
                      int percent,
                      long eventsPerSecond,
                      Long remainingSeconds,
                      Instant startedAt,
                      Instant finishedAt,
                      String error,
                      java.util.Map<String, String> notRebuilt) {

    static ReplayProgress of(ReplayView view, String organisationSlug) {
        Duration remaining = view.remaining();
        return new ReplayProgress(view.id(), organisationSlug, view.status().name(), view.finished(),
                view.processed(), view.total(), view.percent(), Math.round(view.eventsPerSecond()),
                remaining == null ? null : (remaining.toMillis() + 999) / 1000, view.startedAt(), view.finishedAt(),
                view.error(), view.notRebuilt() == null ? java.util.Map.of() : view.notRebuilt());
    }

    /** One line for the command line and the page. */
    String line() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "replay %s (%s): %s, %,d / %,d events (%d%%)",
                id, organisation == null ? "all organisations" : organisation, status.toLowerCase(Locale.ROOT),
                processed, total, percent));
        if (eventsPerSecond > 0) {
            text.append(String.format(Locale.ROOT, ", %,d events/s", eventsPerSecond));
        }
        if (!finished && remainingSeconds != null) {
            text.append(", about ").append(humane(remainingSeconds)).append(" left");
        }
        if (error != null) {
            text.append(": ").append(error);
        }
        if (notRebuilt != null && !notRebuilt.isEmpty()) {
            text.append("; not rebuilt (tables left as they were): ");
            notRebuilt.forEach((organisation, why) -> text.append(System.lineSeparator())
                    .append("  organisation ").append(organisation).append(": ").append(why));
        }
        return text.toString();
    }

    static String humane(long seconds) {
        if (seconds < 90) {
            return seconds + " s";
        }
        if (seconds < 90 * 60) {
            return Math.round(seconds / 60.0) + " min";
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600.0);
    }
}
