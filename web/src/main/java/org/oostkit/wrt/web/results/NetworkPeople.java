package org.oostkit.wrt.web.results;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.query.api.ReferralGraphView;
import org.oostkit.wrt.query.api.ReferralGraphView.Edge;
import org.oostkit.wrt.query.api.ReferralGraphView.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who named whom, per person: the words the drawing gives each person (its accessible name and the detail
 * shown on tap or focus) and the rows of the table alternative, so both say the same.
 */
final class NetworkPeople {

    /** More names than this in a person's accessible name are summarised as "and N more" (the table has all). */
    private static final int LISTED = 8;

    private final Map<PersonId, Node> nodes = new HashMap<>();
    private final Map<PersonId, Set<String>> namedBy = new HashMap<>();
    private final Map<PersonId, Set<String>> named = new HashMap<>();
    private final Map<PersonId, Integer> firstRound = new HashMap<>();

    NetworkPeople(ReferralGraphView graph) {
        graph.nodes().forEach(n -> nodes.put(n.personId(), n));
        for (Edge edge : graph.edges()) {
            namedBy.computeIfAbsent(edge.nominee(), k -> new LinkedHashSet<>())
                    .add(name(edge.nominator()) + " (" + AdminLanguage.text("results.contactedRound", edge.round()) + ")");
            named.computeIfAbsent(edge.nominator(), k -> new LinkedHashSet<>()).add(name(edge.nominee()));
            firstRound.merge(edge.nominee(), edge.round(), Math::min);
        }
    }

    private String name(PersonId id) {
        Node node = nodes.get(id);
        return node == null ? "(unknown)" : ReferralNetwork.label(node);
    }

    /** The HTML id of a person's row in the table; the drawing links to it. */
    static String anchor(PersonId id) {
        return "person-" + id;
    }

    List<String> namedBy(PersonId id) {
        return new ArrayList<>(namedBy.getOrDefault(id, Set.of()));
    }

    List<String> named(PersonId id) {
        return new ArrayList<>(named.getOrDefault(id, Set.of()));
    }

    Integer firstRound(PersonId id) {
        return firstRound.get(id);
    }

    /** One sentence about a person: name, group, who named them, whom they named, the threshold. */
    String describe(Node node, int threshold) {
        List<String> by = namedBy(node.personId());
        List<String> whom = named(node.personId());
        // begins with the words on the drawing (name and count), so voice control finds the person by them
        StringBuilder text = new StringBuilder(ReferralNetwork.label(node));
        if (node.nominations() > 0) {
            text.append(" (").append(node.nominations()).append(')');
        }
        text.append(". ").append(("SEED".equals(node.source()) ? AdminLanguage.text("tab.seed") : AdminLanguage.text("network.nominated")))
                .append(". ").append(AdminLanguage.text("network.namedBy", node.nominations()));
        if (!by.isEmpty()) {
            text.append(": ").append(list(by));
        }
        text.append(". ").append(AdminLanguage.text("network.named", whom.size()));
        if (!whom.isEmpty()) {
            text.append(": ").append(list(whom));
        }
        text.append('.');
        if (node.nominations() >= threshold) {
            text.append(' ').append(AdminLanguage.text("network.above"));
        }
        return text.toString();
    }

    private static String list(List<String> names) {
        if (names.size() <= LISTED) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, LISTED)) + " and " + (names.size() - LISTED) + " more";
    }
}
