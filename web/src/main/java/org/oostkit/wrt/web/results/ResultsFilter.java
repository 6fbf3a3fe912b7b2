package org.oostkit.wrt.web.results;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.query.api.CampaignQueries.CandidateFilter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The filters of the results page and the CSV export, as GET parameters: {@code above}, {@code nominated},
 * {@code round}, {@code from} and {@code to} (dates, inclusive, in the campaign's zone). Unreadable
 * values are ignored and said so, never an error page.
 */
record ResultsFilter(boolean above, boolean nominated, Integer round, LocalDate from, LocalDate to,
                     List<String> problems) {

    static ResultsFilter of(String above, String nominated, String round, String from, String to) {
        List<String> problems = new ArrayList<>();
        Integer number = null;
        if (round != null && !round.isBlank()) {
            try {
                number = Integer.valueOf(round.strip());
                if (number < 1) {
                    problems.add(AdminLanguage.text("filter.error.round"));
                    number = null;
                }
            } catch (NumberFormatException e) {
                problems.add("“" + round.strip() + "” is not a round number; showing all rounds.");
            }
        }
        LocalDate fromDate = date(from, "from", problems);
        LocalDate toDate = date(to, "to", problems);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            problems.add(AdminLanguage.text("filter.error.order"));
        }
        return new ResultsFilter(on(above), on(nominated), number, fromDate, toDate, List.copyOf(problems));
    }

    private static boolean on(String value) {
        return value != null && (value.equals("true") || value.equals("on") || value.equals("1"));
    }

    private static LocalDate date(String value, String name, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(AdminLanguage.text("filter.error.date", AdminLanguage.text("filter.date." + name),
                    value.strip()));
            return null;
        }
    }

    CandidateFilter toQuery(ZoneId zone) {
        // "to" is inclusive for people, the query's bound is exclusive: up to the start of the next day
        return new CandidateFilter(above, nominated, round,
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    boolean any() {
        return above || nominated || round != null || from != null || to != null;
    }

    /** The filter as a query string (without "?"), to carry into paging and export links. */
    String query() {
        List<String> parts = new ArrayList<>();
        if (above) {
            parts.add("above=true");
        }
        if (nominated) {
            parts.add("nominated=true");
        }
        if (round != null) {
            parts.add("round=" + round);
        }
        if (from != null) {
            parts.add("from=" + URLEncoder.encode(from.toString(), StandardCharsets.UTF_8));
        }
        if (to != null) {
            parts.add("to=" + URLEncoder.encode(to.toString(), StandardCharsets.UTF_8));
        }
        return String.join("&", parts);
    }

    /** The filter form as the results page shows it. */
    record Form(boolean above, boolean nominated, String round, String from, String to, boolean any,
                List<String> problems, boolean hasProblems) {
    }

    Form model() {
        return new Form(above, nominated, round == null ? "" : round.toString(), from == null ? "" : from.toString(),
                to == null ? "" : to.toString(), any(), problems, !problems.isEmpty());
    }
}
