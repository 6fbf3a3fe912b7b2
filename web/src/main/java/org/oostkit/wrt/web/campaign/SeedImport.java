package org.oostkit.wrt.web.campaign;

import org.oostkit.wrt.api.campaign.SeedRow;
import org.oostkit.wrt.api.common.Emails;
import org.oostkit.wrt.api.common.TextRule;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A seed file as it would be imported: every line judged (to add, duplicate in the file, already in the
 * campaign, invalid with the reason, by the same {@link TextRule} and {@link Emails} rule as the campaign)
 * before anything is stored. Kept in the admin's session between preview
 * and confirmation; the confirmation sends the rows to add as one command, which judges them again.
 */
record SeedImport(String id, String campaignId, String fileName, String understood, List<Line> lines)
        implements Serializable {

    enum Verdict { ADD, DUPLICATE, ALREADY_IN_CAMPAIGN, INVALID }

    record Line(int line, String name, String email, Verdict verdict, String reason) implements Serializable {
    }

    /** Judges the records against the campaign's current roster (normalised addresses). */
    static SeedImport judge(String id, String campaignId, String fileName, SeedCsv.Parsed parsed,
                            Set<String> inCampaign) {
        Map<String, Integer> firstLine = new HashMap<>();
        List<Line> lines = new ArrayList<>(parsed.records().size());
        for (SeedCsv.Record record : parsed.records()) {
            String email = Emails.normalise(record.email());
            String name = TextRule.PERSON_NAME.clean(record.name());
            String nameProblem = TextRule.PERSON_NAME.problem(record.name());
            if (email == null || email.isEmpty()) {
                lines.add(new Line(record.line(), shown(name), "", Verdict.INVALID, "no email address"));
            } else if (!Emails.isValid(email)) {
                lines.add(new Line(record.line(), shown(name), TextRule.visible(email), Verdict.INVALID,
                        "not a valid email address"));
            } else if (nameProblem != null) {
                lines.add(new Line(record.line(), shown(name), email, Verdict.INVALID, nameProblem));
            } else if (firstLine.containsKey(email)) {
                lines.add(new Line(record.line(), name, email, Verdict.DUPLICATE,
                        "same address as line " + firstLine.get(email)));
            } else if (inCampaign.contains(email)) {
                firstLine.put(email, record.line());
                lines.add(new Line(record.line(), name, email, Verdict.ALREADY_IN_CAMPAIGN,
                        "already in this campaign"));
            } else {
                firstLine.put(email, record.line());
                lines.add(new Line(record.line(), name, email, Verdict.ADD, ""));
            }
        }
        return new SeedImport(id, campaignId, fileName, parsed.understood(), List.copyOf(lines));
    }

    /** A refused name as the report shows it: what was wrong made visible, and not too long. */
    private static String shown(String name) {
        String visible = TextRule.visible(name);
        return visible.length() > 60 ? visible.substring(0, 40) + "…" : visible;
    }

    List<Line> toAdd() {
        return lines.stream().filter(l -> l.verdict() == Verdict.ADD).toList();
    }

    List<Line> notAdded() {
        return lines.stream().filter(l -> l.verdict() != Verdict.ADD).toList();
    }

    long count(Verdict verdict) {
        return lines.stream().filter(l -> l.verdict() == verdict).count();
    }

    /** The rows of the one command sent on confirmation. */
    List<SeedRow> rows() {
        return toAdd().stream().map(l -> new SeedRow(l.line(), l.name(), l.email())).toList();
    }
}
