package org.oostkit.wrt.web.results;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.query.api.ReasonView;
import org.oostkit.wrt.web.campaign.AdminPages;

import java.util.List;

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
    public static Toggle model(List<ReasonView> reasons, int nominations) {
        if (reasons == null || reasons.isEmpty()) {
            return null;
        }
        long given = reasons.stream().filter(ReasonView::hasReason).count();
        List<Item> items = reasons.stream().map(r -> new Item(AdminPages.text(r.nominatorName()), r.roundNumber(),
                r.hasReason(), r.hasReason() ? r.reason().strip() : "")).toList();
        int more = Math.max(0, nominations - reasons.size());
        return new Toggle(given == 0 ? AdminLanguage.text("results.namedBy")
                : AdminLanguage.text(more > 0 ? "namedBy.reasonsShown" : "namedBy.reasons", given), items, more,
                more > 0);
    }

    /** The toggle: its summary line, the nominators listed and how many more there are. */
    public record Toggle(String summary, List<Item> items, int more, boolean hasMore) {
    }

    /** A nominator, the round they named the person in, and why. */
    public record Item(String nominator, int round, boolean hasReason, String reason) {
    }
}
