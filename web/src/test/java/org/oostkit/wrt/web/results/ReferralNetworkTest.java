package org.oostkit.wrt.web.results;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.query.api.ReferralGraphView;
import org.oostkit.wrt.query.api.ReferralGraphView.Edge;
import org.oostkit.wrt.query.api.ReferralGraphView.Node;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ReferralNetworkTest {

    @Test
    @DisplayName("seeds in the first layer, nominees by the round they were first named; positions never overlap")
    void layers() throws java.io.IOException {
        Random random = new Random(7);
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            nodes.add(new Node(PersonId.random(), "Seed " + i, "SEED", 0, 1));
        }
        for (int i = 0; i < 280; i++) {
            nodes.add(new Node(PersonId.random(), "Person " + i, "NOMINATED", 1, null));
        }
        for (int i = 20; i < 300; i++) {
            int round = i < 150 ? 1 : 2;
            Node nominator = nodes.get(round == 1 ? random.nextInt(20) : 20 + random.nextInt(130));
            edges.add(new Edge(nominator.personId(), nodes.get(i).personId(), round));
        }
        ReferralNetwork.Layout layout = ReferralNetwork.layout(new ReferralGraphView(nodes, edges));

        assertThat(layout.people()).hasSize(300);
        assertThat(layout.byId().get(nodes.get(0).personId()).layer()).isZero();
        assertThat(layout.byId().get(nodes.get(20).personId()).layer()).isEqualTo(1);
        assertThat(layout.byId().get(nodes.get(299).personId()).layer()).isEqualTo(2);
        Set<String> spots = new HashSet<>();
        layout.people().forEach(p -> spots.add(p.box().x() + "," + p.box().y()));
        assertThat(spots).hasSize(300);
        // long layers wrap into columns: the drawing stays at most ROWS people tall
        assertThat(layout.height()).isLessThanOrEqualTo(ReferralNetwork.TOP + ReferralNetwork.ROWS * ReferralNetwork.ROW + 12);

        // for a look in a browser: web/target/pages/network.html
        java.nio.file.Path pages = java.nio.file.Path.of("target", "pages");
        java.nio.file.Files.createDirectories(pages);
        java.nio.file.Files.writeString(pages.resolve("network.html"), "<!doctype html><meta charset=utf-8>"
                + "<link rel=stylesheet href=\"css/wrt.css\"><main><div class=network-wrap>"
                + draw(new ReferralGraphView(nodes, edges), 2) + "</div></main>");
        java.nio.file.Files.writeString(pages.resolve("network-60.html"), "<!doctype html><meta charset=utf-8>"
                + "<meta name=viewport content=\"width=device-width, initial-scale=1\">"
                + "<link rel=stylesheet href=\"css/wrt.css\"><main><h2>Referral network</h2><div class=network-wrap>"
                + draw(campaign(), 3) + "</div><p class=network-detail id=network-detail "
                + "aria-live=polite hidden></p><details class=network-table><summary>The network as a table (who named "
                + "whom)</summary><p>rows</p></details></main><script src=\"js/network.js\" defer></script>");
    }

    @Test
    @DisplayName("names are escaped in the SVG")
    void escaping() {
        Node evil = new Node(PersonId.random(), "<script>alert(1)</script> & \"x\"", "SEED", 0, 1);
        String svg = draw(new ReferralGraphView(List.of(evil), List.of()), 2);
        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;");
    }

    /**
     * A realistic campaign of 60 people over three rounds: a wrapped long layer, nominations that skip a layer,
     * people named again by someone of their own or a later layer, and a long name.
     */
    static ReferralGraphView campaign() {
        Random random = new Random(13);
        List<Node> seeds = new ArrayList<>();
        List<List<Node>> rounds = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            seeds.add(new Node(PersonId.random(), i == 3 ? "Maximiliane von Hohenberg-Zwerger" : "Seed " + i, "SEED",
                    0, 1));
        }
        int[] sizes = {30, 17, 5};
        for (int r = 0; r < 3; r++) {
            List<Node> pool = r == 0 ? seeds : rounds.get(r - 1);
            for (int i = 0; i < sizes[r]; i++) {
                Node nominee = new Node(PersonId.random(), "Round " + (r + 1) + " person " + i, "NOMINATED", 1,
                        r < 2 ? r + 2 : null);
                rounds.get(r).add(nominee);
                edges.add(new Edge(pool.get(random.nextInt(pool.size())).personId(), nominee.personId(), r + 1));
            }
        }
        // a round-1 person answers late and brings someone in round 3: an edge that skips the round-2 column
        edges.add(new Edge(rounds.get(0).get(29).personId(), rounds.get(2).get(4).personId(), 3));
        // named again: a seed by a round-1 person, a round-1 person by another, a round-1 person by a round-2 one
        edges.add(new Edge(rounds.get(0).get(1).personId(), seeds.get(2).personId(), 2));
        edges.add(new Edge(rounds.get(0).get(2).personId(), rounds.get(0).get(7).personId(), 2));
        edges.add(new Edge(rounds.get(1).get(3).personId(), rounds.get(0).get(27).personId(), 3));
        edges.add(new Edge(seeds.get(5).personId(), rounds.get(0).get(12).personId(), 1));
        List<Node> nodes = new ArrayList<>(seeds);
        rounds.forEach(nodes::addAll);
        java.util.Map<PersonId, Integer> counts = new java.util.HashMap<>();
        edges.forEach(e -> counts.merge(e.nominee(), 1, Integer::sum));
        List<Node> counted = nodes.stream().map(n -> new Node(n.personId(), n.name(), n.source(),
                counts.getOrDefault(n.personId(), 0), n.contactedRound())).toList();
        return new ReferralGraphView(counted, edges);
    }

    @Test
    @DisplayName("in both shapes every box, arrow head, line and heading lies inside the viewBox")
    void insideTheViewBox() throws Exception {
        ReferralGraphView graph = campaign();
        assertThat(graph.nodes()).hasSize(60);
        for (ReferralNetwork.Shape shape : ReferralNetwork.Shape.values()) {
            Drawing drawing = Drawing.parse(ReferralNetwork.render(graph, 3, shape, groups(graph, 3)));
            java.awt.geom.Rectangle2D view = drawing.viewBox;
            assertThat(drawing.heads).as(shape + " arrow heads").hasSize(graph.edges().size());
            for (List<double[]> head : drawing.heads) {
                head.forEach(p -> assertThat(inside(view, p)).as(shape + " arrow head point %s,%s", p[0], p[1]).isTrue());
            }
            for (java.awt.geom.Rectangle2D box : drawing.boxes) {
                assertThat(view.contains(box)).as(shape + " label box " + box).isTrue();
            }
            for (double[] segment : drawing.segments) {
                assertThat(inside(view, new double[]{segment[0], segment[1]})
                        && inside(view, new double[]{segment[2], segment[3]})).as(shape + " edge inside").isTrue();
            }
            for (double[] label : drawing.labels) {
                assertThat(label[0] + label[1] * ReferralNetwork.CHAR).as(shape + " name inside its box")
                        .isLessThanOrEqualTo(label[2]);
            }
            for (double[] heading : drawing.headings) {
                assertThat(heading[0] >= 0 && heading[1] >= 14 && heading[1] <= view.getHeight()).isTrue();
            }
        }
    }

    @Test
    @DisplayName("no edge passes through a label box, and every arrow ends at the border of its nominee's box")
    void edgesAvoidLabels() throws Exception {
        ReferralGraphView graph = campaign();
        for (ReferralNetwork.Shape shape : ReferralNetwork.Shape.values()) {
            Drawing drawing = Drawing.parse(ReferralNetwork.render(graph, 3, shape, groups(graph, 3)));
            assertThat(drawing.boxes).hasSize(60);
            assertThat(drawing.segments).isNotEmpty();
            for (double[] s : drawing.segments) {
                for (java.awt.geom.Rectangle2D box : drawing.boxes) {
                    assertThat(box.intersectsLine(s[0], s[1], s[2], s[3]))
                            .as("%s segment %s,%s → %s,%s crosses the label box %s", shape, s[0], s[1], s[2], s[3], box)
                            .isFalse();
                }
            }
            for (List<double[]> head : drawing.heads) {
                double[] tip = head.get(0);
                assertThat(drawing.boxes.stream().anyMatch(b -> Math.abs(b.getX() - 2 - tip[0]) < 0.01
                        && Math.abs(b.getCenterY() - tip[1]) < 0.01)).as(shape + " arrow tip at a box border").isTrue();
            }
        }
    }

    @Test
    @DisplayName("each person is a focusable link to their table row, named by who named them and whom they named")
    void focusablePeople() throws Exception {
        PersonId alice = PersonId.random();
        PersonId carol = PersonId.random();
        PersonId dan = PersonId.random();
        ReferralGraphView graph = new ReferralGraphView(
                List.of(new Node(alice, "Alice", "SEED", 0, 1), new Node(carol, "Carol", "NOMINATED", 2, 2),
                        new Node(dan, "Dan", "NOMINATED", 1, null)),
                List.of(new Edge(alice, carol, 1), new Edge(alice, dan, 1), new Edge(dan, carol, 2)));
        for (ReferralNetwork.Shape shape : ReferralNetwork.Shape.values()) {
            String svg = ReferralNetwork.render(graph, 2, shape, groups(graph, 2));
            assertThat(svg).doesNotContainIgnoringCase("hover").doesNotContain("role=\"img\"")
                    .contains("<a class=\"node nominated above-threshold group-1\" href=\"#person-" + carol
                            + "\" data-id=\"" + carol + "\" aria-label=\"Carol (2). Nominated. Named by 2: "
                            + "Alice (round 1), Dan (round 2). Named 0 people. At or above the threshold. "
                            + "In group 1.\">")
                    .contains("aria-label=\"Alice. Seed group. Named by 0. Named 2 people: Carol, Dan. In group 1.\"")
                    .contains("aria-label=\"Dan (1). Nominated. Named by 1: Alice (round 1). Named 1 person: Carol. "
                            + "In group 1.\"");
            Drawing drawing = Drawing.parse(svg);
            assertThat(drawing.links).containsExactlyInAnyOrder("#person-" + alice, "#person-" + carol,
                    "#person-" + dan);
        }
    }

    static NetworkGroups groups(ReferralGraphView graph, int threshold) {
        return new NetworkGroups(graph, org.oostkit.wrt.query.insight.NetworkInsight.analyse(graph, threshold));
    }

    static String draw(ReferralGraphView graph, int threshold) {
        return ReferralNetwork.render(graph, threshold, groups(graph, threshold));
    }

    /**
     * Two circles that name only their own, joined by one nomination: Ann's circle of four (Ann, Bea, Cem, Dot)
     * and Eli's circle of three (Eli, Fay, Gus).
     */
    static ReferralGraphView twoCircles(List<PersonId> ids) {
        String[] names = {"Ann", "Bea", "Cem", "Dot", "Eli", "Fay", "Gus"};
        for (int i = 0; i < names.length; i++) {
            ids.add(new PersonId(java.util.UUID.nameUUIDFromBytes(names[i].getBytes())));
        }
        int[][] links = {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}, {3, 0},
                {4, 5}, {4, 6}, {5, 6}, {6, 4}, {3, 4}};
        List<Edge> edges = new ArrayList<>();
        java.util.Map<Integer, Integer> named = new java.util.HashMap<>();
        for (int[] link : links) {
            edges.add(new Edge(ids.get(link[0]), ids.get(link[1]), 1));
            named.merge(link[1], 1, Integer::sum);
        }
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            nodes.add(new Node(ids.get(i), names[i], i == 0 || i == 4 ? "SEED" : "NOMINATED",
                    named.getOrDefault(i, 0), 1));
        }
        return new ReferralGraphView(nodes, edges);
    }

    @Test
    @DisplayName("two circles: each person's dot has their group's class and shape, the group is in their name and "
            + "tooltip, and the same data gives the same drawing")
    void communities() throws Exception {
        List<PersonId> ids = new ArrayList<>();
        ReferralGraphView graph = twoCircles(ids);
        NetworkGroups groups = groups(graph, 2);
        assertThat(groups.group(ids.get(0))).isEqualTo(1);
        assertThat(groups.group(ids.get(5))).isEqualTo(2);
        for (ReferralNetwork.Shape shape : ReferralNetwork.Shape.values()) {
            String svg = ReferralNetwork.render(graph, 2, shape, groups);
            org.w3c.dom.Document document = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new org.xml.sax.InputSource(new java.io.StringReader(svg)));
            org.w3c.dom.NodeList anchors = document.getElementsByTagName("a");
            assertThat(anchors.getLength()).isEqualTo(7);
            for (int i = 0; i < anchors.getLength(); i++) {
                org.w3c.dom.Element a = (org.w3c.dom.Element) anchors.item(i);
                int person = ids.indexOf(new PersonId(java.util.UUID.fromString(a.getAttribute("data-id"))));
                int group = person < 4 ? 1 : 2;
                assertThat(a.getAttribute("class").split(" ")).contains("group-" + group);
                assertThat(a.getAttribute("aria-label")).endsWith(" In group " + group + ".");
                assertThat(a.getElementsByTagName("title").item(0).getTextContent()).endsWith(" · group " + group);
                // group 1 a circle, group 2 a square: the shape tells them apart without colour
                assertThat(a.getElementsByTagName(group == 1 ? "circle" : "polygon").getLength()).isEqualTo(1);
            }
            assertThat(ReferralNetwork.render(twoCircles(new ArrayList<>()), 2, shape, groups(twoCircles(
                    new ArrayList<>()), 2))).as("the same data, the same drawing").isEqualTo(svg);
        }
        assertThat(groups.legend()).extracting(NetworkGroups.LegendLine::text).containsExactly(
                "Group 1 — 4 people, 4 in the top 25", "Group 2 — 3 people, 3 in the top 25");
        assertThat(groups.legend()).extracting(NetworkGroups.LegendLine::css).containsExactly("group-1", "group-2");
    }

    @Test
    @DisplayName("the legend and each person's group read in the admin's language")
    void dutchLegend() {
        ReferralGraphView graph = twoCircles(new ArrayList<>());
        NetworkGroups groups = groups(graph, 2);
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.forLanguageTag("nl"));
        try {
            assertThat(groups.legend()).extracting(NetworkGroups.LegendLine::text).containsExactly(
                    "Groep 1 — 4 personen, 4 in de top 25", "Groep 2 — 3 personen, 3 in de top 25");
            String svg = ReferralNetwork.render(graph, 2, groups);
            assertThat(svg).contains(" In groep 1.").contains(" · groep 2</title>");
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
    }

    @Test
    @DisplayName("groups past the eighth share a hollow dot and one legend line; the top 25 counts ties as the "
            + "list ranks")
    void manyGroups() {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        // ten pairs, each naming each other: ten groups of two; pair i is named i + 1 times in all
        for (int pair = 0; pair < 10; pair++) {
            Node a = new Node(PersonId.random(), "A" + pair, "SEED", pair + 1, 1);
            Node b = new Node(PersonId.random(), "B" + pair, "NOMINATED", 1, 1);
            nodes.add(a);
            nodes.add(b);
            edges.add(new Edge(a.personId(), b.personId(), 1));
            edges.add(new Edge(b.personId(), a.personId(), 1));
        }
        NetworkGroups groups = groups(new ReferralGraphView(nodes, edges), 2);
        List<NetworkGroups.LegendLine> legend = groups.legend();
        assertThat(legend).hasSize(9);
        assertThat(legend.get(8).css()).isEqualTo("group-other");
        assertThat(legend.get(8).text()).isEqualTo("Groups 9–10 — 4 people, 4 in the top 25");
        assertThat(legend.stream().filter(l -> !"group-other".equals(l.css())).map(NetworkGroups.LegendLine::css))
                .doesNotHaveDuplicates().hasSize(8);
        assertThat(NetworkGroups.css(9)).isEqualTo("group-other");
        assertThat(NetworkGroups.css(null)).isEqualTo("group-none");
    }

    private static boolean inside(java.awt.geom.Rectangle2D view, double[] p) {
        return p[0] >= view.getMinX() && p[0] <= view.getMaxX() && p[1] >= view.getMinY() && p[1] <= view.getMaxY();
    }

    /** The geometry of a rendered drawing, read back from its SVG text. */
    static final class Drawing {
        java.awt.geom.Rectangle2D viewBox;
        final List<java.awt.geom.Rectangle2D> boxes = new ArrayList<>();
        final List<List<double[]>> heads = new ArrayList<>();
        final List<double[]> segments = new ArrayList<>();
        final List<double[]> headings = new ArrayList<>();
        final List<String> links = new ArrayList<>();
        /** Per person: where the name starts, its length in characters, and the right end of its box. */
        final List<double[]> labels = new ArrayList<>();

        static Drawing parse(String svg) throws Exception {
            javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            org.w3c.dom.Document document = factory.newDocumentBuilder()
                    .parse(new org.xml.sax.InputSource(new java.io.StringReader(svg)));
            Drawing drawing = new Drawing();
            String[] view = document.getDocumentElement().getAttribute("viewBox").split(" ");
            drawing.viewBox = new java.awt.geom.Rectangle2D.Double(Double.parseDouble(view[0]),
                    Double.parseDouble(view[1]), Double.parseDouble(view[2]), Double.parseDouble(view[3]));
            org.w3c.dom.NodeList rects = document.getElementsByTagName("rect");
            for (int i = 0; i < rects.getLength(); i++) {
                org.w3c.dom.Element rect = (org.w3c.dom.Element) rects.item(i);
                drawing.boxes.add(new java.awt.geom.Rectangle2D.Double(number(rect, "x"), number(rect, "y"),
                        number(rect, "width"), number(rect, "height")));
            }
            org.w3c.dom.NodeList paths = document.getElementsByTagName("path");
            for (int i = 0; i < paths.getLength(); i++) {
                org.w3c.dom.Element path = (org.w3c.dom.Element) paths.item(i);
                java.awt.geom.Path2D shape = shape(path.getAttribute("d"));
                List<double[]> points = new ArrayList<>();
                double[] last = null;
                for (java.awt.geom.PathIterator it = shape.getPathIterator(null, 0.1); !it.isDone(); it.next()) {
                    double[] c = new double[6];
                    int type = it.currentSegment(c);
                    if (type == java.awt.geom.PathIterator.SEG_CLOSE) {
                        continue;
                    }
                    if (type == java.awt.geom.PathIterator.SEG_LINETO && last != null) {
                        drawing.segments.add(new double[]{last[0], last[1], c[0], c[1]});
                    }
                    last = new double[]{c[0], c[1]};
                    points.add(last);
                }
                if ("head".equals(path.getAttribute("class"))) {
                    drawing.heads.add(points);
                    // a head is a triangle, not an edge
                    drawing.segments.subList(drawing.segments.size() - (points.size() - 1), drawing.segments.size())
                            .clear();
                }
            }
            org.w3c.dom.NodeList texts = document.getElementsByTagName("text");
            for (int i = 0; i < texts.getLength(); i++) {
                org.w3c.dom.Element text = (org.w3c.dom.Element) texts.item(i);
                if ("layer".equals(text.getAttribute("class"))) {
                    drawing.headings.add(new double[]{number(text, "x"), number(text, "y")});
                }
            }
            org.w3c.dom.NodeList anchors = document.getElementsByTagName("a");
            for (int i = 0; i < anchors.getLength(); i++) {
                org.w3c.dom.Element a = (org.w3c.dom.Element) anchors.item(i);
                assertThat(a.getAttribute("aria-label")).as("the accessible name holds the visible words")
                        .startsWith(a.getElementsByTagName("text").item(0).getTextContent());
                drawing.links.add(a.getAttribute("href"));
                org.w3c.dom.Element rect = (org.w3c.dom.Element) a.getElementsByTagName("rect").item(0);
                org.w3c.dom.Element text = (org.w3c.dom.Element) a.getElementsByTagName("text").item(0);
                drawing.labels.add(new double[]{number(text, "x"), text.getTextContent().length(),
                        number(rect, "x") + number(rect, "width")});
            }
            return drawing;
        }

        private static double number(org.w3c.dom.Element element, String attribute) {
            return Double.parseDouble(element.getAttribute(attribute));
        }

        private static java.awt.geom.Path2D shape(String d) {
            java.awt.geom.Path2D.Double path = new java.awt.geom.Path2D.Double();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([MLCQZ])|(-?[0-9.]+),(-?[0-9.]+)").matcher(d);
            char command = 'M';
            List<Double> args = new ArrayList<>();
            while (m.find()) {
                if (m.group(1) != null) {
                    command = m.group(1).charAt(0);
                    if (command == 'Z') {
                        path.closePath();
                    }
                    continue;
                }
                args.add(Double.parseDouble(m.group(2)));
                args.add(Double.parseDouble(m.group(3)));
                int needed = switch (command) {
                    case 'C' -> 6;
                    case 'Q' -> 4;
                    default -> 2;
                };
                if (args.size() == needed) {
                    switch (command) {
                        case 'M' -> path.moveTo(args.get(0), args.get(1));
                        case 'L' -> path.lineTo(args.get(0), args.get(1));
                        case 'Q' -> path.quadTo(args.get(0), args.get(1), args.get(2), args.get(3));
                        default -> path.curveTo(args.get(0), args.get(1), args.get(2), args.get(3), args.get(4),
                                args.get(5));
                    }
                    args.clear();
                }
            }
            return path;
        }
    }
}
