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
        layout.people().forEach(p -> spots.add(p.x() + "," + p.y()));
        assertThat(spots).hasSize(300);
        // long layers wrap into columns: the drawing stays at most ROWS people tall
        assertThat(layout.height()).isLessThanOrEqualTo(40 + ReferralNetwork.ROWS * 20 + 16);

        // for a look in a browser: web/target/pages/network.html
        java.nio.file.Path pages = java.nio.file.Path.of("target", "pages");
        java.nio.file.Files.createDirectories(pages);
        java.nio.file.Files.writeString(pages.resolve("network.html"), "<!doctype html><meta charset=utf-8>"
                + "<link rel=stylesheet href=\"css/wrt.css\"><main><div class=network-wrap>"
                + ReferralNetwork.render(new ReferralGraphView(nodes, edges), 2) + "</div></main>");
    }

    @Test
    @DisplayName("names are escaped in the SVG")
    void escaping() {
        Node evil = new Node(PersonId.random(), "<script>alert(1)</script> & \"x\"", "SEED", 0, 1);
        String svg = ReferralNetwork.render(new ReferralGraphView(List.of(evil), List.of()), 2);
        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;");
    }
}
