package org.oostkit.wrt.web.shortlist;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.query.api.NetworkInsightView;
import org.oostkit.wrt.query.api.ShortlistView;

import org.oostkit.wrt.query.time.LocalTimes;
import org.oostkit.wrt.web.mail.SelectionMails;

import org.oostkit.wrt.api.common.Emails;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Words for the shortlist pages. */
final class ShortlistModel {

    private ShortlistModel() {
    }

    /** "admin:ann@x.org" as a reader says it. */
    static String actor(String actor) {
        if (actor == null) {
            return "";
        }
        return actor.startsWith("admin:") ? actor.substring("admin:".length()) : actor;
    }

    /** "The 6 chosen come from 3 of the 5 groups." (empty without groups or choices) */
    static String groupsCovered(ShortlistView shortlist, NetworkInsightView insight) {
        if (insight == null || insight.groups().isEmpty() || shortlist.entries().isEmpty()) {
            return "";
        }
        long groups = shortlist.entries().stream().map(e -> insight.group(e.personId())).filter(Objects::nonNull)
                .distinct().count();
        int chosen = shortlist.entries().size();
        return AdminLanguage.text("shortlist.groupsCovered", chosen, groups, insight.groups().size());
    }

    /** The selection mail's state in words: "told on 7 Dec 2026, 09:15", "being sent", or why not (empty: none). */
    static String told(SelectionMails.Status status, ZoneId zone) {
        if (status == null) {
            return "";
        }
        return switch (status.state()) {
            case "sent" -> AdminLanguage.text("told.on",
                    LocalTimes.shortMoment(status.at(), zone, AdminLanguage.locale()));
            case "uncertain" -> AdminLanguage.text("told.uncertain");
            case "not-sent" -> AdminLanguage.text("told.not", status.problem() == null
                    ? AdminLanguage.text("told.failed") : status.problem().replaceFirst("^not sent: ", ""));
            default -> AdminLanguage.text("told.sending");
        };
    }

    /** Who "Tell the chosen" would mail: not asked for yet, and not erased (an erased address is none). */
    static List<ShortlistView.Entry> toTell(ShortlistView shortlist, Set<UUID> asked) {
        return shortlist.entries().stream()
                .filter(e -> !asked.contains(e.personId().value()) && Emails.isValid(e.email())).toList();
    }
}
