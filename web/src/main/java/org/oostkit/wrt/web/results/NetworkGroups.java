package org.oostkit.wrt.web.results;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.query.api.NetworkInsightView;
import org.oostkit.wrt.query.api.ReferralGraphView;
import org.oostkit.wrt.query.api.ReferralGraphView.Node;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The communities of the referral network as the drawing shows them: groups 1 to {@value #STYLES} each have a
 * colour and a shape of their own (class {@code group-N}), later groups share a hollow dot ({@code group-other}).
 * Group numbers come from {@link NetworkInsightView}, whose groups are the same for the same nominations, so
 * a person keeps their colour from one visit to the next. The number is also in every person's name and
 * tooltip, and the legend says it in words: the drawing never relies on colour alone.
 */
final class NetworkGroups {

    /** Groups with a colour and shape of their own; the style sheet defines {@code .group-1} to {@code .group-8}. */
    static final int STYLES = 8;
    /** The legend counts each group's people in the ranked list's top this many. */
    static final int TOP = 25;

    static final NetworkGroups NONE = new NetworkGroups(new ReferralGraphView(List.of(), List.of()),
            NetworkInsightView.EMPTY);

    private final NetworkInsightView insight;
    private final Map<Integer, Integer> topPerGroup = new LinkedHashMap<>();

    NetworkGroups(ReferralGraphView graph, NetworkInsightView insight) {
        this.insight = insight == null ? NetworkInsightView.EMPTY : insight;
        // the ranked list's top: ranks 1 to TOP as the list gives them (people tied share a rank), named at least once
        List<Integer> counts = graph.nodes().stream().map(Node::nominations).filter(c -> c > 0)
                .sorted(Comparator.reverseOrder()).toList();
        int least = counts.isEmpty() ? Integer.MAX_VALUE : counts.get(Math.min(TOP, counts.size()) - 1);
        for (Node node : graph.nodes()) {
            if (node.nominations() > 0 && node.nominations() >= least) {
                Integer group = this.insight.group(node.personId());
                if (group != null) {
                    topPerGroup.merge(group, 1, Integer::sum);
                }
            }
        }
    }

    Integer group(PersonId person) {
        return insight.group(person);
    }

    /** The class that colours and shapes the dot of a group's people ({@code group-none}: outside every group). */
    static String css(Integer group) {
        if (group == null) {
            return "group-none";
        }
        return group <= STYLES ? "group-" + group : "group-other";
    }

    /** The dot of a group, centred at (x, y), about {@code r} from its centre to its corners. */
    static String dot(Integer group, double x, double y, double r) {
        int style = group == null || group > STYLES ? 1 : group;
        return switch (style) {
            case 2 -> polygon(x, y, r * 0.95, 4, 45);
            case 3 -> polygon(x, y, r * 1.2, 4, 0);
            case 4 -> polygon(x, y, r * 1.25, 3, -90);
            case 5 -> polygon(x, y, r * 1.25, 3, 90);
            case 6 -> polygon(x, y, r * 1.1, 5, -90);
            case 7 -> polygon(x, y, r * 1.1, 6, 0);
            case 8 -> star(x, y, r * 1.35);
            default -> "<circle class=\"dot\" cx=\"" + Svg.n(x) + "\" cy=\"" + Svg.n(y) + "\" r=\"" + Svg.n(r) + "\"/>";
        };
    }

    private static String polygon(double x, double y, double r, int corners, double degrees) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < corners; i++) {
            double angle = Math.toRadians(degrees + 360.0 * i / corners);
            points.append(i == 0 ? "" : " ").append(Svg.n(x + r * Math.cos(angle))).append(',')
                    .append(Svg.n(y + r * Math.sin(angle)));
        }
        return "<polygon class=\"dot\" points=\"" + points + "\"/>";
    }

    private static String star(double x, double y, double r) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            double angle = Math.toRadians(-90 + 36.0 * i);
            double reach = i % 2 == 0 ? r : r * 0.5;
            points.append(i == 0 ? "" : " ").append(Svg.n(x + reach * Math.cos(angle))).append(',')
                    .append(Svg.n(y + reach * Math.sin(angle)));
        }
        return "<polygon class=\"dot\" points=\"" + points + "\"/>";
    }

    /**
     * The legend, one line per styled group and one for the rest: its swatch (an SVG fragment), its class and
     * "Group 1 — 12 people, 5 in the top 25".
     */
    List<LegendLine> legend() {
        List<LegendLine> lines = new ArrayList<>();
        int restGroups = 0;
        int restPeople = 0;
        int restTop = 0;
        int firstRest = 0;
        for (NetworkInsightView.Group group : insight.groups()) {
            int inTop = topPerGroup.getOrDefault(group.number(), 0);
            if (group.number() <= STYLES) {
                lines.add(line(group.number(), AdminLanguage.text("network.legend.group", group.number()), group.size(),
                        inTop));
            } else {
                firstRest = firstRest == 0 ? group.number() : firstRest;
                restGroups++;
                restPeople += group.size();
                restTop += inTop;
            }
        }
        if (restGroups > 0) {
            lines.add(line(firstRest, restGroups == 1 ? AdminLanguage.text("network.legend.group", firstRest)
                    : AdminLanguage.text("network.legend.groups", firstRest, firstRest + restGroups - 1), restPeople,
                    restTop));
        }
        return lines;
    }

    private static LegendLine line(int group, String name, int people, int inTop) {
        return new LegendLine(css(group), dot(group, 9, 9, 5.5),
                AdminLanguage.text("network.legend.line", name, people, inTop, TOP));
    }

    /** One line of the legend: the group's class, its swatch (an SVG fragment) and its words. */
    record LegendLine(String css, String swatch, String text) {
    }

    boolean any() {
        return !insight.groups().isEmpty();
    }
}
