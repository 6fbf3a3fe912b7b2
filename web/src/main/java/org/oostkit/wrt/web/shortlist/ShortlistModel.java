package org.oostkit.wrt.web.shortlist;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.query.api.NetworkInsightView;
import org.oostkit.wrt.query.api.ShortlistView;

import org.oostkit.wrt.web.campaign.AdminPages;

import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.common.Emails;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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

    /** The person's selection mail in the admin's words; empty when none. */
    static String told(ShortlistView.SelectionMail mail, ZoneId zone) {
        return AdminPages.told(mail, zone);
    }

    /** Who "Tell the chosen" would mail: not asked for yet, and not erased (an erased address is none). */
    static List<ShortlistView.Entry> toTell(ShortlistView shortlist) {
        Set<PersonId> asked = shortlist.asked();
        return shortlist.entries().stream()
                .filter(e -> !asked.contains(e.personId()) && Emails.isValid(e.email())).toList();
    }
}
