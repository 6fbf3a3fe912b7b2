package org.oostkit.wrt.web.round;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.query.api.ReasonView;
import org.oostkit.wrt.query.api.ReasonsView;
import org.oostkit.wrt.web.campaign.AdminPages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whom each contact of a round named, and why, for the round page's "answers" toggle
 * (template {@code round/answers}); kept apart from the contacts table, which has its own paging. The
 * query lists the first nominators by name; the toggle says how many more the results page has.
 */
final class RoundAnswers {

    private RoundAnswers() {
    }

    /** The toggle: whether anyone answered, how many nominators in all, the first ones and how many more. */
    record Answers(boolean any, String nominators, List<Answer> list, int more, boolean hasMore) {
    }

    /** Whom one nominator named. */
    record Answer(String nominator, int count, List<Named> named) {
    }

    record Named(String name, boolean hasReason, String reason) {
    }

    static Answers of(ReasonsView reasons) {
        Map<PersonId, List<ReasonView>> byNominator = reasons == null ? Map.of() : reasons.byNominator();
        List<Answer> answers = new ArrayList<>();
        for (List<ReasonView> named : byNominator.values()) {
            answers.add(new Answer(AdminPages.text(named.get(0).nominatorName()), named.size(),
                    named.stream().map(r -> new Named(AdminPages.text(r.nomineeName()), r.hasReason(),
                            r.hasReason() ? r.reason().strip() : "")).toList()));
        }
        int more = reasons == null ? 0 : reasons.nominatorsLeftOut();
        int nominators = byNominator.size() + more;
        return new Answers(!answers.isEmpty(), AdminLanguage.text("answers.nominators", nominators), answers,
                more, more > 0);
    }
}
