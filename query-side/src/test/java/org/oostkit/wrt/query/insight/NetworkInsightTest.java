package org.oostkit.wrt.query.insight;

import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.query.api.NetworkInsightView;
import org.oostkit.wrt.query.api.NetworkInsightView.Bridge;
import org.oostkit.wrt.query.api.ReferralGraphView;
import org.oostkit.wrt.query.api.ReferralGraphView.Edge;
import org.oostkit.wrt.query.api.ReferralGraphView.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkInsightTest {

    /** Two circles of five who all name each other; Xavier is named by one person of each circle. */
    private static ReferralGraphView twoCirclesAndABridge(boolean shuffled) {
        Map<String, PersonId> ids = new LinkedHashMap<>();
        for (String name : List.of("Anna", "Arno", "Aida", "Axel", "Alma", "Bert", "Bea", "Bo", "Bram", "Bies",
                "Xavier")) {
            ids.put(name, new PersonId(UUID.nameUUIDFromBytes(name.getBytes())));
        }
        List<Edge> edges = new ArrayList<>();
        for (List<String> circle : List.of(List.of("Anna", "Arno", "Aida", "Axel", "Alma"),
                List.of("Bert", "Bea", "Bo", "Bram", "Bies"))) {
            for (String a : circle) {
                for (String b : circle) {
                    if (!a.equals(b)) {
                        edges.add(new Edge(ids.get(a), ids.get(b), 1));
                    }
                }
            }
        }
        edges.add(new Edge(ids.get("Anna"), ids.get("Xavier"), 2));
        edges.add(new Edge(ids.get("Bert"), ids.get("Xavier"), 2));
        Map<PersonId, Integer> counts = new HashMap<>();
        edges.forEach(e -> counts.merge(e.nominee(), 1, Integer::sum));
        List<Node> nodes = new ArrayList<>(ids.entrySet().stream().map(e -> new Node(e.getValue(), e.getKey(),
                "NOMINATED", counts.getOrDefault(e.getValue(), 0), null)).toList());
        if (shuffled) {
            java.util.Collections.shuffle(nodes, new Random(7));
            java.util.Collections.shuffle(edges, new Random(7));
        }
        return new ReferralGraphView(nodes, edges);
    }

    private static Map<Integer, List<String>> members(NetworkInsightView view, ReferralGraphView graph) {
        Map<PersonId, String> names = graph.nodes().stream().collect(Collectors.toMap(Node::personId, Node::name));
        Map<Integer, List<String>> byGroup = new java.util.TreeMap<>();
        view.groupOf().forEach((id, group) -> byGroup.computeIfAbsent(group, g -> new ArrayList<>())
                .add(names.get(id)));
        byGroup.values().forEach(list -> list.sort(String::compareTo));
        return byGroup;
    }

    @Test
    void findsTheTwoCirclesAndTheBridgeBetweenThem() {
        ReferralGraphView graph = twoCirclesAndABridge(false);
        NetworkInsightView view = NetworkInsight.analyse(graph, 4);

        assertThat(view.groups()).hasSize(2);
        Map<Integer, List<String>> members = members(view, graph);
        List<String> circleA = List.of("Aida", "Alma", "Anna", "Arno", "Axel");
        List<String> circleB = List.of("Bea", "Bert", "Bies", "Bo", "Bram");
        assertThat(members.values()).anySatisfy(m -> assertThat(m).containsAll(circleA).doesNotContainAnyElementsOf(circleB));
        assertThat(members.values()).anySatisfy(m -> assertThat(m).containsAll(circleB).doesNotContainAnyElementsOf(circleA));
        assertThat(members.values().stream().mapToInt(List::size).sum()).isEqualTo(11);

        assertThat(view.bridges()).extracting(Bridge::name).containsExactly("Xavier");
        assertThat(view.bridgeCount()).isEqualTo(1);
        assertThat(view.bridges().get(0).namedFrom()).containsExactly(1, 2);
        assertThat(view.betweennessMeasured()).isTrue();
        assertThat(view.bridges().get(0).betweenness()).isPositive();
        // everyone in a circle is named by 4; Xavier by 2
        assertThat(view.ranked()).isEqualTo(10);
        assertThat(view.rankedGroups()).isEqualTo(2);
        assertThat(view.summary()).isEqualTo("The 10 people at or above the threshold come from 2 of the 2 groups.");
    }

    @Test
    void theSameDataGivesTheSameGroupsEveryRunWhateverTheOrderItArrivesIn() {
        ReferralGraphView graph = twoCirclesAndABridge(false);
        NetworkInsightView first = NetworkInsight.analyse(graph, 4);
        for (int run = 0; run < 20; run++) {
            assertThat(NetworkInsight.analyse(graph, 4)).isEqualTo(first);
            assertThat(NetworkInsight.analyse(twoCirclesAndABridge(true), 4)).isEqualTo(first);
        }
    }

    @Test
    void aLargerRandomNetworkIsStableToo() {
        Random random = new Random(1);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            nodes.add(new Node(new PersonId(new UUID(0, i)), "P" + i, "NOMINATED", 0, null));
        }
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            // four neighbourhoods with a little crossing between them
            int from = random.nextInt(2_000);
            int to = random.nextInt(10) == 0 ? random.nextInt(2_000) : (from / 500) * 500 + random.nextInt(500);
            edges.add(new Edge(nodes.get(from).personId(), nodes.get(to).personId(), 1));
        }
        ReferralGraphView graph = new ReferralGraphView(nodes, edges);
        NetworkInsightView first = NetworkInsight.analyse(graph, 3);
        assertThat(first.groups()).isNotEmpty();
        assertThat(NetworkInsight.analyse(graph, 3)).isEqualTo(first);
    }

    @Test
    @org.junit.jupiter.api.DisplayName("erasing people changes nobody's group, no group's size and no count: "
            + "names do not steer the grouping")
    void erasureKeepsTheGroups() {
        Random random = new Random(5);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            // few distinct counts, so many people tie and only the order among them could differ
            nodes.add(new Node(new PersonId(new UUID(0, i)), "P" + i, "NOMINATED", random.nextInt(3), null));
        }
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < 900; i++) {
            int from = random.nextInt(400);
            int to = random.nextInt(8) == 0 ? random.nextInt(400) : (from / 50) * 50 + random.nextInt(50);
            edges.add(new Edge(nodes.get(from).personId(), nodes.get(to).personId(), 1));
        }
        ReferralGraphView graph = new ReferralGraphView(nodes, edges);
        List<Node> erased = new ArrayList<>(nodes);
        for (int i = 0; i < 400; i += 7) {
            Node n = erased.get(i);
            erased.set(i, new Node(n.personId(), "[erased]", n.source(), n.nominations(), n.contactedRound()));
        }
        NetworkInsightView before = NetworkInsight.analyse(graph, 2);
        NetworkInsightView after = NetworkInsight.analyse(new ReferralGraphView(erased, edges), 2);
        assertThat(after.groupOf()).isEqualTo(before.groupOf());
        assertThat(after.groups()).extracting(NetworkInsightView.Group::size)
                .containsExactlyElementsOf(before.groups().stream().map(NetworkInsightView.Group::size).toList());
        assertThat(after.ranked()).isEqualTo(before.ranked());
        assertThat(after.bridgeCount()).isEqualTo(before.bridgeCount());
        assertThat(after.bridges()).extracting(Bridge::personId)
                .containsExactlyElementsOf(before.bridges().stream().map(Bridge::personId).toList());
    }

    @Test
    void anEmptyNetworkHasNoGroups() {
        assertThat(NetworkInsight.analyse(new ReferralGraphView(List.of(), List.of()), 2))
                .isEqualTo(NetworkInsightView.EMPTY);
        assertThat(NetworkInsightView.EMPTY.summary()).isEmpty();
    }
}
