package org.oostkit.wrt.web.results;

import com.samskivert.mustache.Mustache;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.query.api.ReferralGraphView;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Network drawings with their legend, as a page of their own, for checks in a real browser. */
public final class NetworkSamples {

    private NetworkSamples() {
    }

    /**
     * The two circles of {@link ReferralNetworkTest#twoCircles} plus ten small groups, so every group style and
     * the hollow dot of the rest appear; the drawing, the legend (from its template) and the style sheet inline.
     */
    public static String page() {
        List<PersonId> ids = new ArrayList<>();
        ReferralGraphView circles = ReferralNetworkTest.twoCircles(ids);
        List<ReferralGraphView.Node> nodes = new ArrayList<>(circles.nodes());
        List<ReferralGraphView.Edge> edges = new ArrayList<>(circles.edges());
        for (int pair = 0; pair < 10; pair++) {
            PersonId a = new PersonId(java.util.UUID.nameUUIDFromBytes(("a" + pair).getBytes(StandardCharsets.UTF_8)));
            PersonId b = new PersonId(java.util.UUID.nameUUIDFromBytes(("b" + pair).getBytes(StandardCharsets.UTF_8)));
            nodes.add(new ReferralGraphView.Node(a, "Pair " + pair + " A", "SEED", 1, 1));
            nodes.add(new ReferralGraphView.Node(b, "Pair " + pair + " B", "NOMINATED", 1, 1));
            edges.add(new ReferralGraphView.Edge(a, b, 1));
            edges.add(new ReferralGraphView.Edge(b, a, 1));
        }
        ReferralGraphView graph = new ReferralGraphView(nodes, edges);
        NetworkGroups groups = ReferralNetworkTest.groups(graph, 2);
        String legend = Mustache.compiler().compile(read("templates/results/network-legend.mustache"))
                .execute(Map.of("hasNetworkLegend", groups.any(), "networkLegend", groups.legend()));
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Referral network</title><style>"
                + read("static/css/wrt.css") + "</style></head><body><main><h1>Referral network</h1>"
                + "<div class=\"network-wrap\">" + ReferralNetwork.render(graph, 2, groups) + "</div>" + legend
                + "</main></body></html>";
    }

    private static String read(String resource) {
        try (InputStream in = NetworkSamples.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("not on the class path: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
