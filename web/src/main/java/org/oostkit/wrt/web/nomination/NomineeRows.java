package org.oostkit.wrt.web.nomination;

import org.oostkit.wrt.api.common.Emails;
import org.oostkit.wrt.api.common.TextRule;
import org.oostkit.wrt.api.nomination.NominationCommands;
import org.oostkit.wrt.api.nomination.NomineeInput;
import org.oostkit.wrt.query.api.NominationView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rows of the nomination form as typed, with a message per field. The checks are the Nomination
 * aggregate's (which stays the judge; names and reasons through the same {@link TextRule}), repeated here so
 * every row gets its own message and the input is kept, instead of one refusal for the first bad row.
 */
final class NomineeRows {

    /** Blank rows of a form with nobody on it yet: short on a phone, "add another person" adds more. */
    static final int START_ROWS = 2;
    /** Blank rows offered below the filled ones, and added by "add another person". */
    static final int BLANK_ROWS = 1;
    static final int MORE_ROWS = 1;
    /** More rows than this in one request is not a person typing. */
    static final int MAX_ROWS = 200;

    private final List<Row> rows;
    private String formError;

    private NomineeRows(List<Row> rows) {
        this.rows = rows;
    }

    /** One row of the form; {@code number} counts from 1, for labels. */
    static final class Row {
        final int index;
        final int number;
        final String name;
        final String email;
        final String reason;
        String nameError;
        String emailError;
        String reasonError;

        Row(int index, String name, String email, String reason) {
            this.index = index;
            this.number = index + 1;
            this.name = name == null ? "" : name;
            this.email = email == null ? "" : email;
            this.reason = reason == null ? "" : reason;
        }

        boolean blank() {
            return name.isBlank() && email.isBlank() && reason.isBlank();
        }

        boolean hasError() {
            return nameError != null || emailError != null || reasonError != null;
        }
    }

    static NomineeRows of(List<NominationView> current) {
        List<Row> rows = new ArrayList<>();
        for (NominationView nominee : current) {
            rows.add(new Row(rows.size(), nominee.name(), nominee.email(), nominee.reason()));
        }
        NomineeRows form = new NomineeRows(rows);
        form.addBlank(current.isEmpty() ? START_ROWS : BLANK_ROWS);
        return form;
    }

    /** The list this session saved last (see {@link NominatorSession.Saved}). */
    static NomineeRows of(NominatorSession.Saved saved) {
        List<Row> rows = new ArrayList<>();
        for (NominatorSession.Saved.Person person : saved.people()) {
            rows.add(new Row(rows.size(), person.name(), person.email(), person.reason()));
        }
        NomineeRows form = new NomineeRows(rows);
        form.addBlank(rows.isEmpty() ? START_ROWS : BLANK_ROWS);
        return form;
    }

    /** No rows at all: the "no one to suggest" answer. */
    static NomineeRows blank() {
        return new NomineeRows(new ArrayList<>());
    }

    /** The rows as posted (parallel arrays), without the ones ticked for removal. */
    static NomineeRows posted(String[] names, String[] emails, String[] reasons, Set<Integer> removed) {
        int count = Math.max(length(names), Math.max(length(emails), length(reasons)));
        if (count > MAX_ROWS) {
            throw new IllegalArgumentException("too many rows");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (!removed.contains(i)) {
                rows.add(new Row(rows.size(), at(names, i), at(emails, i), at(reasons, i)));
            }
        }
        return new NomineeRows(rows);
    }

    /** Checks every filled row, wording what is wrong in the page's language; answers whether all are fine. */
    boolean validate(String nominatorEmail, Locale locale) {
        String self = Emails.normalise(nominatorEmail);
        Map<String, Row> distinct = new LinkedHashMap<>();
        for (Row row : rows) {
            if (row.blank()) {
                continue;
            }
            String name = TextRule.PERSON_NAME.clean(row.name);
            String email = Emails.normalise(row.email);
            TextRule.Verdict nameProblem = TextRule.PERSON_NAME.verdict(row.name);
            if (nameProblem != null) {
                row.nameError = NominatorRefusals.verdict(nameProblem, locale);
            } else if (name.isEmpty()) {
                row.nameError = "nominate.error.name";
            }
            if (email.isEmpty()) {
                row.emailError = "nominate.error.email";
            } else if (!Emails.isValid(email)) {
                row.emailError = "nominate.error.emailFormat";
            } else if (email.equals(self)) {
                row.emailError = "nominate.error.self";
            }
            TextRule.Verdict reasonProblem = TextRule.NOMINATION_REASON.verdict(row.reason);
            if (reasonProblem != null) {
                row.reasonError = NominatorRefusals.verdict(reasonProblem, locale);
            }
            if (!row.hasError()) {
                distinct.putIfAbsent(email, row);
            }
        }
        if (distinct.size() > NominationCommands.MAX_NOMINEES) {
            formError = "nominate.error.tooMany";
        }
        return formError == null && rows.stream().noneMatch(Row::hasError);
    }

    /** The filled rows as the command takes them (the aggregate merges duplicate addresses). */
    List<NomineeInput> inputs() {
        return rows.stream().filter(row -> !row.blank())
                .map(row -> new NomineeInput(TextRule.PERSON_NAME.clean(row.name), row.email.strip(),
                        TextRule.NOMINATION_REASON.clean(row.reason)))
                .toList();
    }

    /** Whether nobody is named (all rows blank or removed): such a save asks for confirmation instead. */
    boolean nobody() {
        return rows.stream().allMatch(Row::blank);
    }

    /** The filled rows, in the nominator's order (for the compact list view). */
    List<Row> filled() {
        return rows.stream().filter(row -> !row.blank()).toList();
    }

    /** The list as saved, for the session. */
    NominatorSession.Saved saved(java.time.Instant at) {
        return new NominatorSession.Saved(inputs().stream()
                .map(input -> new NominatorSession.Saved.Person(input.name(), input.email(), input.reason()))
                .toList(), at);
    }

    /** Whom the list names: one entry per address, as the aggregate merges them. */
    List<Map<String, String>> named() {
        Map<String, Map<String, String>> people = new LinkedHashMap<>();
        for (NomineeInput input : inputs()) {
            people.putIfAbsent(Emails.normalise(input.email()), Map.of("name", input.name(),
                    "email", Emails.normalise(input.email())));
        }
        return new ArrayList<>(people.values());
    }

    void addBlank(int count) {
        for (int i = 0; i < count; i++) {
            rows.add(new Row(rows.size(), "", "", ""));
        }
    }

    /**
     * Shows a refusal of the command side next to the field it is about, in the row it names (counting the filled
     * rows, as the command lists them), else above the list.
     */
    void refused(NominatorRefusals.Refusal refusal) {
        List<Row> filled = filled();
        Row row = refusal.row() > 0 && refusal.row() <= filled.size() ? filled.get(refusal.row() - 1) : null;
        if (row != null && refusal.field() == NominatorRefusals.Field.NAME) {
            row.nameError = refusal.message();
        } else if (row != null && refusal.field() == NominatorRefusals.Field.EMAIL) {
            row.emailError = refusal.message();
        } else {
            formError = refusal.message();
        }
    }

    String formError() {
        return formError;
    }

    List<Row> rows() {
        return rows;
    }

    List<Row> rowsWithErrors() {
        return rows.stream().filter(Row::hasError).toList();
    }

    private static int length(String[] values) {
        return values == null ? 0 : values.length;
    }

    private static String at(String[] values, int i) {
        return values == null || i >= values.length ? "" : values[i];
    }
}
