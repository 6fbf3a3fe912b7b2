package org.oostkit.wrt.web.results;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.query.api.ReasonView;
import org.oostkit.wrt.web.campaign.AdminPages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Named by" under a ranked person (template {@code results/named-by}): each nominator, the round and the
 * reason given, on the results page and on the results as they stood at a past instant.
 */
public final class NamedBy {

    private NamedBy() {
    }

    /**
     * The model of the toggle; null (nothing shown) for a person nobody named. {@code nominations} is the
     * person's count of nominators: a page lists a bounded number of them, and says how many more there are.
     */
    public static Map<String, Object> model(List<ReasonView> reasons, int nominations) {
        if (reasons == null || reasons.isEmpty()) {
            return null;
        }
        long given = reasons.stream().filter(ReasonView::hasReason).count();
        List<Map<String, Object>> items = reasons.stream().map(r -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("nominator", AdminPages.text(r.nominatorName()));
            item.put("round", r.roundNumber());
            item.put("hasReason", r.hasReason());
            item.put("reason", r.hasReason() ? r.reason().strip() : "");
            return item;
        }).toList();
        int more = Math.max(0, nominations - reasons.size());
        return Map.of("summary", given == 0 ? AdminLanguage.text("results.namedBy")
                : AdminLanguage.text(more > 0 ? "namedBy.reasonsShown" : "namedBy.reasons", given), "items", items,
                "more", more, "hasMore", more > 0);
    }
}
