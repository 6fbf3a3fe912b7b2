package org.oostkit.wrt.web.results;

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
 * Who nominated whom, as a layered SVG drawing: the seed group in the first column, then everyone by the
 * round in which they were first named. A long layer wraps into several columns of {@value #ROWS} people, so
 * a few hundred people stay readable (the drawing scrolls sideways instead of shrinking the names). Within a
 * layer, people sit near the average position of their nominators (one barycentre pass), which keeps most
 * arrows short. The page shows the same information as a table for screen readers and keyboard users.
 */
final class ReferralNetwork {

    static final int ROWS = 36;
    private static final int ROW_HEIGHT = 20;
    private static final int COLUMN_WIDTH = 190;
    private static final int LAYER_GAP = 40;
    private static final int TOP = 40;
    private static final int LEFT = 16;
    private static final int LABEL_CHARS = 24;

    /** A person placed on the drawing. */
    record Placed(Node node, int layer, double x, double y) {
    }

    /** The drawing's people, in layer order, with their positions; and the width and height of the drawing. */
    record Layout(List<Placed> people, Map<PersonId, Placed> byId, List<Edge> edges, Map<Integer, Double> layerX,
                  int width, int height) {
    }

    private ReferralNetwork() {
    }

    static Layout layout(ReferralGraphView graph) {
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
        Map<PersonId, Placed> placed = new LinkedHashMap<>();
        Map<Integer, Double> layerX = new LinkedHashMap<>();
        double x = LEFT;
        int tallest = 0;
        for (Map.Entry<Integer, List<Node>> entry : layers.entrySet()) {
            List<Node> nodes = entry.getValue();
            // most-named first in the first layer; later layers near their nominators
            nodes.sort(Comparator.comparingDouble((Node n) -> barycentre(n, nominators, order))
                    .thenComparing(Comparator.comparingInt(Node::nominations).reversed())
                    .thenComparing(n -> n.name() == null ? "" : n.name().toLowerCase()));
            layerX.put(entry.getKey(), x);
            for (int i = 0; i < nodes.size(); i++) {
                int column = i / ROWS;
                int row = i % ROWS;
                double px = x + column * COLUMN_WIDTH + 8;
                double py = TOP + row * ROW_HEIGHT + ROW_HEIGHT / 2.0;
                order.put(nodes.get(i).personId(), (double) row);
                placed.put(nodes.get(i).personId(), new Placed(nodes.get(i), entry.getKey(), px, py));
            }
            int columns = Math.max(1, (nodes.size() + ROWS - 1) / ROWS);
            tallest = Math.max(tallest, Math.min(nodes.size(), ROWS));
            x += columns * COLUMN_WIDTH + LAYER_GAP;
        }
        int width = (int) Math.max(320, x - LAYER_GAP + LEFT);
        int height = TOP + tallest * ROW_HEIGHT + 16;
        return new Layout(new ArrayList<>(placed.values()), placed, graph.edges(), layerX, width, height);
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

    static String render(ReferralGraphView graph, int threshold) {
        Layout layout = layout(graph);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"network\" width=\"").append(layout.width())
                .append("\" height=\"").append(layout.height()).append("\" viewBox=\"0 0 ").append(layout.width())
                .append(' ').append(layout.height()).append("\" role=\"img\" aria-labelledby=\"network-title network-desc\">");
        svg.append("<title id=\"network-title\">Referral network: who nominated whom</title>");
        svg.append("<desc id=\"network-desc\">").append(graph.nodes().size()).append(" people and ")
                .append(graph.edges().size()).append(" nominations. Columns: the seed group, then the round in which "
                        + "people were first named. The table below lists the same nominations.</desc>");
        svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 8 8\" refX=\"8\" refY=\"4\" markerWidth=\"6\" "
                + "markerHeight=\"6\" orient=\"auto-start-reverse\"><path d=\"M0,0 L8,4 L0,8 z\" class=\"arrowhead\"/>"
                + "</marker></defs>");
        for (Map.Entry<Integer, Double> layer : layout.layerX().entrySet()) {
            svg.append("<text class=\"layer\" x=\"").append(Svg.n(layer.getValue() + 2)).append("\" y=\"18\">")
                    .append(layer.getKey() == 0 ? "Seed group" : "Named in round " + layer.getKey()).append("</text>");
        }
        svg.append("<g class=\"edges\">");
        for (Edge edge : layout.edges()) {
            Placed from = layout.byId().get(edge.nominator());
            Placed to = layout.byId().get(edge.nominee());
            if (from == null || to == null) {
                continue;
            }
            double r = radius(to.node());
            if (to.x() > from.x() + 1) {
                double mid = (from.x() + to.x()) / 2;
                svg.append("<path d=\"M").append(Svg.n(from.x())).append(',').append(Svg.n(from.y()))
                        .append(" C").append(Svg.n(mid)).append(',').append(Svg.n(from.y())).append(' ')
                        .append(Svg.n(mid)).append(',').append(Svg.n(to.y())).append(' ')
                        .append(Svg.n(to.x() - r - 1)).append(',').append(Svg.n(to.y()))
                        .append("\" marker-end=\"url(#arrow)\"/>");
            } else {
                // same column or backwards (someone named a person of an earlier layer): an arc on the left
                double bend = Math.min(from.x(), to.x()) - 30 - Math.abs(from.y() - to.y()) / 6;
                svg.append("<path class=\"back\" d=\"M").append(Svg.n(from.x())).append(',').append(Svg.n(from.y()))
                        .append(" C").append(Svg.n(bend)).append(',').append(Svg.n(from.y())).append(' ')
                        .append(Svg.n(bend)).append(',').append(Svg.n(to.y())).append(' ')
                        .append(Svg.n(to.x() - r - 1)).append(',').append(Svg.n(to.y()))
                        .append("\" marker-end=\"url(#arrow)\"/>");
            }
        }
        svg.append("</g><g class=\"nodes\">");
        for (Placed person : layout.people()) {
            Node node = person.node();
            boolean seed = "SEED".equals(node.source());
            boolean above = node.nominations() >= threshold;
            svg.append("<g class=\"node").append(seed ? " seed" : " nominated").append(above ? " above-threshold" : "")
                    .append("\"><title>").append(Svg.escape(label(node) + ": named by " + node.nominations()
                            + (seed ? " (seed group)" : "")))
                    .append("</title><circle cx=\"").append(Svg.n(person.x())).append("\" cy=\"")
                    .append(Svg.n(person.y())).append("\" r=\"").append(Svg.n(radius(node))).append("\"/>")
                    .append("<text x=\"").append(Svg.n(person.x() + 10)).append("\" y=\"").append(Svg.n(person.y() + 4))
                    .append("\">").append(Svg.escape(Svg.truncate(label(node), LABEL_CHARS)))
                    .append(node.nominations() > 0 ? " (" + node.nominations() + ")" : "").append("</text></g>");
        }
        svg.append("</g></svg>");
        return svg.toString();
    }

    static String label(Node node) {
        return node.name() == null || node.name().isBlank() ? "(no name)" : node.name();
    }

    private static double radius(Node node) {
        return 4 + Math.min(5, node.nominations());
    }
}
