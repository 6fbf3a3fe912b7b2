package org.oostkit.wrt.web.results;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.query.api.ReferralGraphView;
import org.oostkit.wrt.query.api.ReferralGraphView.Edge;
import org.oostkit.wrt.query.api.ReferralGraphView.Node;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who nominated whom, drawn on the server as SVG, in two shapes of the same content. {@link Shape#COLUMNS}
 * (wide screens): the seed group in the first column, then everyone by the round in which they were first
 * named; a long layer wraps into columns of {@value #ROWS}; within a layer people sit near the average row of
 * their nominators (one barycentre pass). {@link Shape#LIST} (phones): the same people as one list in layer
 * order, nominations drawn as brackets in the margin on the left.
 *
 * <p>Every person is a link (to their row in the table alternative) with a label box and an accessible name
 * saying who named them, whom they named and their group, so the drawing is usable by keyboard, touch and
 * screen reader. The dot's colour and shape show the person's group ({@link NetworkGroups}).
 * Edges never cross a label box: they run in the gutters between columns and, to reach a column that is not
 * the next one, along the free lane between two rows; they end at the label box with an arrow head drawn as
 * its own triangle inside the drawing.
 */
final class ReferralNetwork {

    enum Shape { COLUMNS, LIST }

    static final int ROWS = 30;
    static final int ROW = 32;
    static final int BOX = 24;
    /** Width of one character at the drawing's 13 px, estimated generously so names stay inside their boxes. */
    static final double CHAR = 7.0;
    static final int TOP = 44;
    private static final int LEFT = 40;
    private static final int RIGHT = 32;
    private static final int BOTTOM = 12;
    private static final int GUTTER = 56;
    /** The wide drawing is stretched to about the width of the results card on a desktop. */
    static final int FIT_WIDTH = 1080;
    /** Wider drawings than this keep their size and scroll sideways, so names never shrink below legibility. */
    static final int FIT_MAX = 1360;
    private static final int LABEL_CHARS = 24;
    private static final int MIN_COLUMN = 140;
    static final int LIST_WIDTH = 352;
    private static final int LANES = 14;
    private static final int LANE_STEP = 4;
    private static final int LIST_LEFT = 18 + LANES * LANE_STEP;
    private static final int ARROW = 8;

    /** A label box: the person's clickable area. */
    record Box(double x, double y, double width, double height) {
        double right() {
            return x + width;
        }

        double cy() {
            return y + height / 2;
        }
    }

    /** A person placed on the drawing. */
    record Placed(Node node, int layer, int column, int row, Box box, String text) {
    }

    /** The drawing's people, in drawing order, with their boxes; layer headings; and the drawing's size. */
    record Layout(Shape shape, List<Placed> people, Map<PersonId, Placed> byId, List<Edge> edges,
                  List<Heading> headings, double[] columnLeft, double[] columnRight, int[] columnSize, int rows,
                  int width, int height) {
    }

    record Heading(String text, double x, double y) {
    }

    private ReferralNetwork() {
    }

    /** People by layer (0 = seed group, then the round of first naming), each layer in barycentre order. */
    private static TreeMap<Integer, List<Node>> layers(ReferralGraphView graph) {
        Map<PersonId, Integer> layer = new HashMap<>();
        Map<PersonId, List<PersonId>> nominators = new HashMap<>();
        for (Edge edge : graph.edges()) {
            nominators.computeIfAbsent(edge.nominee(), k -> new ArrayList<>()).add(edge.nominator());
            layer.merge(edge.nominee(), edge.round(), Math::min);
        }
        TreeMap<Integer, List<Node>> layers = new TreeMap<>();
        for (Node node : graph.nodes()) {
            int l = "SEED".equals(node.source()) ? 0
                    : layer.getOrDefault(node.personId(), node.contactedRound() == null ? 1 : node.contactedRound());
            layers.computeIfAbsent(l, k -> new ArrayList<>()).add(node);
        }
        Map<PersonId, Double> order = new HashMap<>();
        for (List<Node> nodes : layers.values()) {
            // most-named first in the first layer; later layers near their nominators
            nodes.sort(Comparator.comparingDouble((Node n) -> barycentre(n, nominators, order))
                    .thenComparing(Comparator.comparingInt(Node::nominations).reversed())
                    .thenComparing(n -> n.name() == null ? "" : n.name().toLowerCase())
                    .thenComparing(n -> n.personId().toString()));
            for (int i = 0; i < nodes.size(); i++) {
                order.put(nodes.get(i).personId(), (double) (i % ROWS));
            }
        }
        return layers;
    }

    private static double barycentre(Node node, Map<PersonId, List<PersonId>> nominators, Map<PersonId, Double> order) {
        List<PersonId> by = nominators.getOrDefault(node.personId(), List.of());
        double sum = 0;
        int known = 0;
        for (PersonId nominator : by) {
            Double position = order.get(nominator);
            if (position != null) {
                sum += position;
                known++;
            }
        }
        // people with no placed nominator (seeds, or named only by people placed later) go by the other keys
        return known == 0 ? 0 : sum / known;
    }

    static Layout layout(ReferralGraphView graph) {
        return layout(graph, Shape.COLUMNS);
    }

    static Layout layout(ReferralGraphView graph, Shape shape) {
        return shape == Shape.COLUMNS ? columns(graph) : list(graph);
    }

    private static Layout columns(ReferralGraphView graph) {
        TreeMap<Integer, List<Node>> layers = layers(graph);
        List<List<Node>> columns = new ArrayList<>();
        List<Integer> columnLayer = new ArrayList<>();
        for (Map.Entry<Integer, List<Node>> entry : layers.entrySet()) {
            List<Node> nodes = entry.getValue();
            for (int start = 0; start < nodes.size(); start += ROWS) {
                columns.add(nodes.subList(start, Math.min(nodes.size(), start + ROWS)));
                columnLayer.add(entry.getKey());
            }
        }
        int count = columns.size();
        double[] widths = new double[count];
        int rows = 0;
        for (int c = 0; c < count; c++) {
            double width = MIN_COLUMN;
            for (Node node : columns.get(c)) {
                width = Math.max(width, boxWidth(text(node, LABEL_CHARS)));
            }
            widths[c] = width;
            rows = Math.max(rows, columns.get(c).size());
        }
        // a gutter widens with the nominations leaving the column before it, so they can fan out
        Map<PersonId, Integer> columnOf = new HashMap<>();
        for (int c = 0; c < count; c++) {
            for (Node node : columns.get(c)) {
                columnOf.put(node.personId(), c);
            }
        }
        double[] gutters = new double[count];
        java.util.Arrays.fill(gutters, GUTTER);
        for (Edge edge : graph.edges()) {
            Integer c = columnOf.get(edge.nominator());
            if (c != null) {
                gutters[c] = Math.min(2 * GUTTER, gutters[c] + 2);
            }
        }
        double natural = LEFT + RIGHT + sum(widths) + sum(gutters) - gutters[count - 1];
        // a small network gets wide gutters rather than a drawing lost in the middle of the card
        double extra = count < 2 ? 0 : Math.max(0, FIT_WIDTH - natural) / (count - 1);
        double[] left = new double[count];
        double[] right = new double[count];
        List<Placed> people = new ArrayList<>();
        List<Heading> headings = new ArrayList<>();
        double x = LEFT;
        for (int c = 0; c < count; c++) {
            left[c] = x;
            right[c] = x + widths[c];
            int layer = columnLayer.get(c);
            if (c == 0 || columnLayer.get(c - 1) != layer) {
                headings.add(new Heading(layer(layer), x, TOP - 16));
            }
            List<Node> nodes = columns.get(c);
            for (int row = 0; row < nodes.size(); row++) {
                Node node = nodes.get(row);
                String text = text(node, LABEL_CHARS);
                Box box = new Box(x, TOP + row * ROW + (ROW - BOX) / 2.0, boxWidth(text), BOX);
                people.add(new Placed(node, layer, c, row, box, text));
            }
            x = right[c] + gutters[c] + extra;
        }
        int width = (int) Math.ceil(right[count - 1] + RIGHT);
        int height = TOP + rows * ROW + BOTTOM;
        return new Layout(Shape.COLUMNS, people, index(people), graph.edges(), headings, left, right,
                columns.stream().mapToInt(List::size).toArray(), rows, width, height);
    }

    private static Layout list(ReferralGraphView graph) {
        TreeMap<Integer, List<Node>> layers = layers(graph);
        List<Placed> people = new ArrayList<>();
        List<Heading> headings = new ArrayList<>();
        double boxWidth = LIST_WIDTH - LIST_LEFT - 8;
        int chars = (int) ((boxWidth - 36) / CHAR) - 5;
        int row = 0;
        double y = 8;
        for (Map.Entry<Integer, List<Node>> entry : layers.entrySet()) {
            int layer = entry.getKey();
            headings.add(new Heading(layer(layer), LIST_LEFT, y + 20));
            y += ROW;
            for (Node node : entry.getValue()) {
                people.add(new Placed(node, layer, 0, row++, new Box(LIST_LEFT, y + (ROW - BOX) / 2.0, boxWidth, BOX),
                        text(node, chars)));
                y += ROW;
            }
        }
        int height = (int) y + BOTTOM;
        return new Layout(Shape.LIST, people, index(people), graph.edges(), headings,
                new double[]{LIST_LEFT}, new double[]{LIST_LEFT + boxWidth}, new int[]{row}, row, LIST_WIDTH, height);
    }

    private static Map<PersonId, Placed> index(List<Placed> people) {
        Map<PersonId, Placed> byId = new LinkedHashMap<>();
        people.forEach(p -> byId.put(p.node().personId(), p));
        return byId;
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double value : values) {
            total += value;
        }
        return total;
    }

    private static String text(Node node, int chars) {
        return Svg.truncate(label(node), chars) + (node.nominations() > 0 ? " (" + node.nominations() + ")" : "");
    }

    private static double boxWidth(String text) {
        return Math.ceil(28 + text.length() * CHAR + 8);
    }

    /** Both shapes: the wide one for desktops, the list for phones; the style sheet shows one of them. */
    static String render(ReferralGraphView graph, int threshold, NetworkGroups groups) {
        NetworkPeople people = new NetworkPeople(graph);
        return render(graph, threshold, Shape.COLUMNS, people, groups)
                + render(graph, threshold, Shape.LIST, people, groups);
    }

    static String render(ReferralGraphView graph, int threshold, Shape shape, NetworkGroups groups) {
        return render(graph, threshold, shape, new NetworkPeople(graph), groups);
    }

    private static String render(ReferralGraphView graph, int threshold, Shape shape, NetworkPeople about,
                                 NetworkGroups groups) {
        Layout layout = layout(graph, shape);
        String id = shape == Shape.COLUMNS ? "network-columns" : "network-list";
        boolean fit = shape == Shape.LIST || (layout.width() >= FIT_WIDTH && layout.width() <= FIT_MAX);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"network ")
                .append(shape.name().toLowerCase()).append(fit ? " fit" : "").append("\" width=\"")
                .append(layout.width()).append("\" height=\"").append(layout.height()).append("\" viewBox=\"0 0 ")
                .append(layout.width()).append(' ').append(layout.height()).append("\" role=\"group\" aria-labelledby=\"")
                .append(id).append("-title\" aria-describedby=\"").append(id).append("-desc\">");
        svg.append("<title id=\"").append(id).append("-title\">").append(Svg.escape(AdminLanguage.text("network.title")))
                .append("</title>");
        svg.append("<desc id=\"").append(id).append("-desc\">").append(Svg.escape(AdminLanguage.text(
                shape == Shape.COLUMNS ? "network.descColumns" : "network.descList", graph.nodes().size(),
                graph.edges().size()))).append("</desc>");
        for (Heading heading : layout.headings()) {
            svg.append("<text class=\"layer\" x=\"").append(Svg.n(heading.x())).append("\" y=\"")
                    .append(Svg.n(heading.y())).append("\">").append(heading.text()).append("</text>");
        }
        svg.append("<g class=\"edges\">");
        List<Edge> drawn = shape == Shape.LIST ? sortedBySpan(layout) : layout.edges();
        int[] lanes = shape == Shape.LIST ? lanes(layout, drawn) : null;
        for (int i = 0; i < drawn.size(); i++) {
            Edge edge = drawn.get(i);
            Placed from = layout.byId().get(edge.nominator());
            Placed to = layout.byId().get(edge.nominee());
            if (from == null || to == null || from == to) {
                continue;
            }
            boolean back = shape == Shape.COLUMNS && to.column() <= from.column();
            String path = shape == Shape.COLUMNS ? route(layout, from, to) : bracket(from, to, lanes[i]);
            double tipX = to.box().x() - 2;
            double tipY = to.box().cy();
            svg.append("<g class=\"edge").append(back ? " back" : "").append("\" data-from=\"")
                    .append(edge.nominator()).append("\" data-to=\"").append(edge.nominee()).append("\">")
                    .append("<path class=\"line\" d=\"").append(path).append("\"/>")
                    .append("<path class=\"head\" d=\"M").append(Svg.n(tipX)).append(',').append(Svg.n(tipY))
                    .append(" L").append(Svg.n(tipX - ARROW)).append(',').append(Svg.n(tipY - 4))
                    .append(" L").append(Svg.n(tipX - ARROW)).append(',').append(Svg.n(tipY + 4))
                    .append(" Z\"/></g>");
        }
        svg.append("</g><g class=\"nodes\">");
        for (Placed person : layout.people()) {
            Node node = person.node();
            Box box = person.box();
            boolean seed = "SEED".equals(node.source());
            boolean above = node.nominations() >= threshold;
            Integer group = groups.group(node.personId());
            String inGroup = group == null ? "" : " " + AdminLanguage.text("network.inGroup", group);
            svg.append("<a class=\"node").append(seed ? " seed" : " nominated").append(above ? " above-threshold" : "")
                    .append(' ').append(NetworkGroups.css(group))
                    .append("\" href=\"#").append(NetworkPeople.anchor(node.personId())).append("\" data-id=\"")
                    .append(node.personId()).append("\" aria-label=\"")
                    .append(Svg.escape(accessibleName(person, about.describe(node, threshold)) + inGroup))
                    .append("\">")
                    .append("<title>").append(Svg.escape(label(node)))
                    .append(group == null ? "" : " \u00b7 " + Svg.escape(AdminLanguage.text("person.group", group)))
                    .append("</title>")
                    .append("<rect class=\"box\" x=\"").append(Svg.n(box.x())).append("\" y=\"").append(Svg.n(box.y()))
                    .append("\" width=\"").append(Svg.n(box.width())).append("\" height=\"").append(Svg.n(box.height()))
                    .append("\" rx=\"").append(BOX / 2).append("\"/>")
                    .append(NetworkGroups.dot(group, box.x() + 14, box.cy(), radius(node)))
                    .append("<text x=\"").append(Svg.n(box.x() + 28)).append("\" y=\"").append(Svg.n(box.cy() + 4.5))
                    .append("\">").append(Svg.escape(person.text())).append("</text></a>");
        }
        svg.append("</g></svg>");
        return svg.toString();
    }

    /**
     * The path of a nomination in the wide drawing: out of the nominator's box to the right into the gutter; to
     * the next column directly, or else along the free lane between two rows next to the nominee's row, back
     * into the gutter left of the nominee's column; into the nominee's box from the left.
     */
    private static String route(Layout layout, Placed from, Placed to) {
        double ys = from.box().cy();
        double yt = to.box().cy();
        double exit = layout.columnRight()[from.column()] + 6;
        double approach = to.box().x() - 16;
        double base = to.box().x() - 2 - ARROW + 1;
        StringBuilder d = new StringBuilder();
        d.append('M').append(Svg.n(from.box().right() + 2)).append(',').append(Svg.n(ys))
                .append(" L").append(Svg.n(exit)).append(',').append(Svg.n(ys));
        if (to.column() == from.column() + 1) {
            // each nominator turns at its own distance into the gutter, so their nominations stay apart
            int size = layout.columnSize()[from.column()];
            double share = 0.15 + 0.7 * (size < 2 ? 0.5 : from.row() / (double) (size - 1));
            bend(d, exit, ys, approach, yt, exit + (approach - exit) * share);
        } else {
            double lane = TOP + (ys <= yt ? to.row() : to.row() + 1) * (double) ROW;
            if (to.column() > from.column()) {
                curve(d, exit, ys, exit + 24, lane);
                d.append(" L").append(Svg.n(approach - 24)).append(',').append(Svg.n(lane));
                curve(d, approach - 24, lane, approach, yt);
            } else {
                turn(d, exit, ys, lane, 16);
                d.append(" L").append(Svg.n(approach)).append(',').append(Svg.n(lane));
                turn(d, approach, lane, yt, -16);
            }
        }
        d.append(" L").append(Svg.n(base)).append(',').append(Svg.n(yt));
        return d.toString();
    }

    /** An S-bend from (x1, y1) to (x2, y2), staying between x1 and x2. */
    private static void curve(StringBuilder d, double x1, double y1, double x2, double y2) {
        bend(d, x1, y1, x2, y2, (x1 + x2) / 2);
    }

    /** An S-bend from (x1, y1) to (x2, y2) that changes height at x = mid (between x1 and x2). */
    private static void bend(StringBuilder d, double x1, double y1, double x2, double y2, double mid) {
        d.append(" C").append(Svg.n(mid)).append(',').append(Svg.n(y1)).append(' ').append(Svg.n(mid)).append(',')
                .append(Svg.n(y2)).append(' ').append(Svg.n(x2)).append(',').append(Svg.n(y2));
    }

    /** A U-turn at x from y1 to y2, bulging by {@code bulge} (right when positive). */
    private static void turn(StringBuilder d, double x, double y1, double y2, double bulge) {
        d.append(" C").append(Svg.n(x + bulge)).append(',').append(Svg.n(y1)).append(' ').append(Svg.n(x + bulge))
                .append(',').append(Svg.n(y2)).append(' ').append(Svg.n(x)).append(',').append(Svg.n(y2));
    }

    /** The list's nominations, shortest first, so short ones get the lanes nearest the names (fewer crossings). */
    private static List<Edge> sortedBySpan(Layout layout) {
        List<Edge> edges = new ArrayList<>(layout.edges());
        edges.sort(Comparator.comparingInt((Edge e) -> span(layout, e))
                .thenComparingInt(e -> row(layout, e.nominator())).thenComparingInt(e -> row(layout, e.nominee())));
        return edges;
    }

    private static int row(Layout layout, PersonId id) {
        Placed placed = layout.byId().get(id);
        return placed == null ? -1 : placed.row();
    }

    private static int span(Layout layout, Edge edge) {
        return Math.abs(row(layout, edge.nominator()) - row(layout, edge.nominee()));
    }

    /** A lane for each nomination in the list: the innermost one not yet taken over its rows, else the outermost. */
    private static int[] lanes(Layout layout, List<Edge> edges) {
        int[] lanes = new int[edges.size()];
        List<List<int[]>> taken = new ArrayList<>();
        for (int l = 0; l < LANES; l++) {
            taken.add(new ArrayList<>());
        }
        for (int i = 0; i < edges.size(); i++) {
            int a = row(layout, edges.get(i).nominator());
            int b = row(layout, edges.get(i).nominee());
            int low = Math.min(a, b);
            int high = Math.max(a, b);
            int lane = LANES - 1;
            for (int l = 0; l < LANES; l++) {
                boolean free = taken.get(l).stream().noneMatch(r -> r[0] <= high && low <= r[1]);
                if (free) {
                    lane = l;
                    break;
                }
            }
            taken.get(lane).add(new int[]{low, high});
            lanes[i] = lane;
        }
        return lanes;
    }

    /** A nomination in the list: out of the nominator's box to the left, along its lane, into the nominee's box. */
    private static String bracket(Placed from, Placed to, int lane) {
        double x = LIST_LEFT - 14 - lane * LANE_STEP;
        double start = from.box().x() - 2;
        double ys = from.box().cy() + 7;
        double yt = to.box().cy();
        double corner = Math.min(6, Math.abs(yt - ys) / 2);
        double sign = Math.signum(yt - ys);
        StringBuilder d = new StringBuilder();
        d.append('M').append(Svg.n(start)).append(',').append(Svg.n(ys))
                .append(" L").append(Svg.n(x + corner)).append(',').append(Svg.n(ys))
                .append(" Q").append(Svg.n(x)).append(',').append(Svg.n(ys)).append(' ').append(Svg.n(x)).append(',')
                .append(Svg.n(ys + sign * corner))
                .append(" L").append(Svg.n(x)).append(',').append(Svg.n(yt - sign * corner))
                .append(" Q").append(Svg.n(x)).append(',').append(Svg.n(yt)).append(' ').append(Svg.n(x + corner))
                .append(',').append(Svg.n(yt))
                .append(" L").append(Svg.n(to.box().x() - 2 - ARROW + 1)).append(',').append(Svg.n(yt));
        return d.toString();
    }

    /** A shortened name is said as shown first, then in full: the accessible name contains the visible words. */
    private static String accessibleName(Placed person, String description) {
        return description.startsWith(person.text()) ? description : person.text() + ": " + description;
    }

    static String label(Node node) {
        return node.name() == null || node.name().isBlank() ? AdminLanguage.text("network.noName") : node.name();
    }

    private static double radius(Node node) {
        return 4 + Math.min(5, node.nominations());
    }

    /** A layer's heading: the seed group, then the round in which its people were first named. */
    private static String layer(int layer) {
        return layer == 0 ? AdminLanguage.text("tab.seed") : AdminLanguage.text("network.namedInRound", layer);
    }
}
