package org.oostkit.wrt.web.round;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.query.api.ReasonView;
import org.oostkit.wrt.query.api.ReasonsView;
import org.oostkit.wrt.web.campaign.AdminPages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    static Map<String, Object> model(ReasonsView reasons) {
        Map<PersonId, List<ReasonView>> byNominator = reasons == null ? Map.of() : reasons.byNominator();
        List<Map<String, Object>> answers = new ArrayList<>();
        for (List<ReasonView> named : byNominator.values()) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("nominator", AdminPages.text(named.get(0).nominatorName()));
            answer.put("count", named.size());
            answer.put("named", named.stream().map(r -> Map.<String, Object>of(
                    "name", AdminPages.text(r.nomineeName()), "hasReason", r.hasReason(),
                    "reason", r.hasReason() ? r.reason().strip() : "")).toList());
            answers.add(answer);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("any", !answers.isEmpty());
        int more = reasons == null ? 0 : reasons.nominatorsLeftOut();
        int nominators = byNominator.size() + more;
        model.put("nominators", AdminLanguage.text("answers.nominators", nominators));
        model.put("list", answers);
        model.put("more", more);
        model.put("hasMore", more > 0);
        return model;
    }
}
