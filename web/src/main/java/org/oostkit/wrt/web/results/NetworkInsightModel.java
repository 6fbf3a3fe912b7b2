package org.oostkit.wrt.web.results;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.query.api.NetworkInsightView.Bridge;
import org.oostkit.wrt.query.api.NetworkInsightView.Group;
import org.oostkit.wrt.query.api.NetworkInsightView;
import org.oostkit.wrt.web.campaign.AdminPages;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The "Groups and bridges" part of the results page (template {@code results/insight}). */
final class NetworkInsightModel {

    /** The page lists this many groups; the rest are summed up in one line. */
    static final int GROUPS_LISTED = 12;

    private NetworkInsightModel() {
    }

    /** The insight section ({@code results/insight}): the groups of the network and the people who bridge them. */
    record Insight(String summary, int groupCount, List<GroupRow> groups, boolean hasRest, int rest, int restPeople,
                   int restRanked, List<BridgeRow> bridges, boolean hasBridges, int bridgeCount, int bridgesListed,
                   boolean moreBridges, boolean measured, boolean narrow) {
    }

    record GroupRow(int number, int size, int ranked, boolean noneRanked, String examples) {
    }

    record BridgeRow(String name, int nominations, int group, String from, String betweenness) {
    }

    static Insight model(NetworkInsightView view) {
        if (view == null || view.groups().isEmpty()) {
            return null;
        }
        List<GroupRow> groups = view.groups().stream().limit(GROUPS_LISTED).map(NetworkInsightModel::group).toList();
        int rest = view.groups().size() - groups.size();
        String summary = view.ranked() == 0
                ? AdminLanguage.text("insight.summary.none", view.groups().size())
                : AdminLanguage.text(view.groups().size() == 1 ? "insight.summary.oneGroup" : "insight.summary",
                        view.ranked(), view.rankedGroups(), view.groups().size());
        return new Insight(summary, view.groups().size(), groups, rest > 0, rest,
                view.groups().stream().skip(GROUPS_LISTED).mapToInt(Group::size).sum(),
                view.groups().stream().skip(GROUPS_LISTED).mapToInt(Group::ranked).sum(),
                view.bridges().stream().map(b -> bridge(b, view.betweennessMeasured())).toList(),
                !view.bridges().isEmpty(), view.bridgeCount(), view.bridges().size(),
                view.bridgeCount() > view.bridges().size(), view.betweennessMeasured(),
                view.ranked() > 0 && view.groups().size() > 1 && view.rankedGroups() < view.groups().size());
    }

    private static GroupRow group(Group g) {
        return new GroupRow(g.number(), g.size(), g.ranked(), g.ranked() == 0,
                g.examples().stream().map(AdminPages::text).collect(Collectors.joining(", ")));
    }

    private static BridgeRow bridge(Bridge b, boolean measured) {
        return new BridgeRow(AdminPages.text(b.name()), b.nominations(), b.group(),
                b.namedFrom().stream().map(String::valueOf).collect(Collectors.joining(", ")),
                measured ? String.format(Locale.ROOT, "%.1f %%", b.betweenness() * 100) : "");
    }
}
