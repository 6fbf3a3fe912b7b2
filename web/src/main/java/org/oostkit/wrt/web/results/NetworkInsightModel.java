package org.oostkit.wrt.web.results;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.query.api.NetworkInsightView;
import org.oostkit.wrt.query.api.NetworkInsightView.Bridge;
import org.oostkit.wrt.query.api.NetworkInsightView.Group;
import org.oostkit.wrt.web.campaign.AdminPages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The "Groups and bridges" part of the results page (template {@code results/insight}). */
final class NetworkInsightModel {

    /** The page lists this many groups; the rest are summed up in one line. */
    static final int GROUPS_LISTED = 12;

    private NetworkInsightModel() {
    }

    static Map<String, Object> model(NetworkInsightView view) {
        if (view == null || view.groups().isEmpty()) {
            return null;
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("summary", view.ranked() == 0
                ? AdminLanguage.text("insight.summary.none", view.groups().size())
                : AdminLanguage.text(view.groups().size() == 1 ? "insight.summary.oneGroup" : "insight.summary",
                        view.ranked(), view.rankedGroups(), view.groups().size()));
        model.put("groupCount", view.groups().size());
        List<Map<String, Object>> groups = view.groups().stream().limit(GROUPS_LISTED).map(NetworkInsightModel::group)
                .toList();
        model.put("groups", groups);
        int rest = view.groups().size() - groups.size();
        model.put("hasRest", rest > 0);
        model.put("rest", rest);
        model.put("restPeople", view.groups().stream().skip(GROUPS_LISTED).mapToInt(Group::size).sum());
        model.put("restRanked", view.groups().stream().skip(GROUPS_LISTED).mapToInt(Group::ranked).sum());
        model.put("bridges", view.bridges().stream().map(b -> bridge(b, view.betweennessMeasured())).toList());
        model.put("hasBridges", !view.bridges().isEmpty());
        model.put("bridgeCount", view.bridgeCount());
        model.put("bridgesListed", view.bridges().size());
        model.put("moreBridges", view.bridgeCount() > view.bridges().size());
        model.put("measured", view.betweennessMeasured());
        model.put("narrow", view.ranked() > 0 && view.groups().size() > 1 && view.rankedGroups() < view.groups().size());
        return model;
    }

    private static Map<String, Object> group(Group g) {
        return Map.of("number", g.number(), "size", g.size(), "ranked", g.ranked(), "noneRanked", g.ranked() == 0,
                "examples", g.examples().stream().map(AdminPages::text).collect(Collectors.joining(", ")));
    }

    private static Map<String, Object> bridge(Bridge b, boolean measured) {
        return Map.of("name", AdminPages.text(b.name()), "nominations", b.nominations(), "group", b.group(),
                "from", b.namedFrom().stream().map(String::valueOf).collect(Collectors.joining(", ")),
                "betweenness", measured ? String.format(Locale.ROOT, "%.1f %%", b.betweenness() * 100) : "");
    }
}
