package org.oostkit.wrt.web.round;

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
 * (template {@code round/answers}); kept apart from the contacts table, which has its own paging.
 */
final class RoundAnswers {

    /** More answers than this are left to the results page and the exports: the page stays light. */
    static final int SHOWN = 200;

    private RoundAnswers() {
    }

    static Map<String, Object> model(ReasonsView reasons) {
        Map<PersonId, List<ReasonView>> byNominator = reasons == null ? Map.of() : reasons.byNominator();
        List<Map<String, Object>> answers = new ArrayList<>();
        for (List<ReasonView> named : byNominator.values()) {
            if (answers.size() == SHOWN) {
                break;
            }
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
        model.put("nominators", byNominator.size() + (byNominator.size() == 1 ? " nominator" : " nominators"));
        model.put("list", answers);
        model.put("more", Math.max(0, byNominator.size() - answers.size()));
        model.put("hasMore", byNominator.size() > answers.size());
        return model;
    }
}
