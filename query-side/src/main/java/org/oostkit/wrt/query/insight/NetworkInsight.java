package org.oostkit.wrt.query.insight;

import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.query.api.NetworkInsightView;
import org.oostkit.wrt.query.api.NetworkInsightView.Bridge;
import org.oostkit.wrt.query.api.NetworkInsightView.Group;
import org.oostkit.wrt.query.api.ReferralGraphView;
import org.oostkit.wrt.query.api.ReferralGraphView.Edge;
import org.oostkit.wrt.query.api.ReferralGraphView.Node;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Groups and bridges of a referral network. The network is undirected (naming someone links two people
 * either way); groups come from label propagation ({@link LabelPropagation}) with a fixed seed over people in
 * rank order, so the same data gives the same groups every time. A bridge is someone named from more than
 * one group; in networks of up to {@value #BETWEENNESS_MAX} people their betweenness (JGraphT's Brandes)
 * orders them, in larger ones the number of groups and then the rank do (Brandes is quadratic there).
 */
public final class NetworkInsight {

    static final long SEED = 18L;
    static final int MAX_ITERATIONS = 100;
    public static final int BETWEENNESS_MAX = 250;
    /** The view lists this many bridges (and says how many there are). */
    public static final int BRIDGES_LISTED = 20;
    private static final int EXAMPLES = 3;

    private NetworkInsight() {
    }

    /** JGraphT's Brandes betweenness, normalised: the share of shortest paths between others through a person. */
    private static Map<Integer, Double> betweenness(List<int[]> links) {
        Graph<Integer, DefaultEdge> graph = new SimpleGraph<>(DefaultEdge.class);
        for (int[] l : links) {
            graph.addVertex(l[0]);
            graph.addVertex(l[1]);
            graph.addEdge(l[0], l[1]);
        }
        return new BetweennessCentrality<>(graph, true).getScores();
    }

    public static NetworkInsightView analyse(ReferralGraphView network, int threshold) {
        // people in rank order, ties by id, so vertex numbers (and with them the seeded run) never depend on
        // hashing, nor on names: erasing someone's name must not move anyone to another group
        List<Node> people = network.nodes().stream().sorted(Comparator.comparingInt(Node::nominations).reversed()
                .thenComparing(n -> n.personId().value())).toList();
        Map<PersonId, Integer> index = new HashMap<>();
        for (int i = 0; i < people.size(); i++) {
            index.put(people.get(i).personId(), i);
        }
        // each pair once, in a stable order: packed into longs and sorted as primitives (100,000 of them)
        long[] pairs = new long[network.edges().size()];
        int count = 0;
        for (Edge edge : network.edges()) {
            Integer from = index.get(edge.nominator());
            Integer to = index.get(edge.nominee());
            if (from != null && to != null && !from.equals(to)) {
                pairs[count++] = ((long) Math.min(from, to) << 32) | Math.max(from, to);
            }
        }
        long[] sorted = java.util.Arrays.copyOf(pairs, count);
        java.util.Arrays.sort(sorted);
        List<int[]> links = new ArrayList<>();
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                links.add(new int[]{(int) (sorted[i] >>> 32), (int) sorted[i]});
            }
        }
        if (links.isEmpty()) {
            return NetworkInsightView.EMPTY;
        }

        List<Set<Integer>> clusters = LabelPropagation.clusters(people.size(), links, SEED, MAX_ITERATIONS);
        // largest first; equal sizes by their best-ranked person
        clusters.sort(Comparator.<Set<Integer>>comparingInt(Set::size).reversed()
                .thenComparingInt(c -> ((TreeSet<Integer>) c).first()));
        int[] groupOf = new int[people.size()];
        Map<PersonId, Integer> groupById = new HashMap<>();
        List<Group> groups = new ArrayList<>();
        Set<Integer> rankedGroups = new TreeSet<>();
        int ranked = 0;
        for (int g = 0; g < clusters.size(); g++) {
            int rankedHere = 0;
            List<String> examples = new ArrayList<>();
            for (int v : clusters.get(g)) {
                Node person = people.get(v);
                groupOf[v] = g + 1;
                groupById.put(person.personId(), g + 1);
                if (examples.size() < EXAMPLES) {
                    examples.add(person.name());
                }
                if (person.nominations() >= threshold) {
                    rankedHere++;
                    rankedGroups.add(g + 1);
                }
            }
            ranked += rankedHere;
            groups.add(new Group(g + 1, clusters.get(g).size(), rankedHere, examples));
        }

        Map<Integer, Set<Integer>> namedFrom = new HashMap<>();
        for (Edge edge : network.edges()) {
            Integer from = index.get(edge.nominator());
            Integer to = index.get(edge.nominee());
            if (from != null && to != null && !from.equals(to)) {
                namedFrom.computeIfAbsent(to, k -> new TreeSet<>()).add(groupOf[from]);
            }
        }
        int networkSize = clusters.stream().mapToInt(Set::size).sum();
        boolean measured = networkSize <= BETWEENNESS_MAX;
        Map<Integer, Double> betweenness = measured ? betweenness(links) : Map.of();
        List<Bridge> bridges = new ArrayList<>();
        namedFrom.forEach((v, from) -> {
            if (from.size() > 1) {
                Node person = people.get(v);
                bridges.add(new Bridge(person.personId(), person.name(), person.nominations(), groupOf[v],
                        List.copyOf(from), betweenness.getOrDefault(v, 0.0)));
            }
        });
        Map<PersonId, Integer> rank = index;
        bridges.sort(Comparator.comparingDouble(Bridge::betweenness).reversed()
                .thenComparing(Comparator.comparingInt((Bridge b) -> b.namedFrom().size()).reversed())
                .thenComparingInt(b -> rank.get(b.personId())));
        return new NetworkInsightView(groups, groupById, bridges.subList(0, Math.min(BRIDGES_LISTED,
                bridges.size())), bridges.size(), ranked, rankedGroups.size(), measured);
    }
}
