package org.oostkit.wrt.query.api;

import org.oostkit.wrt.api.campaign.PersonId;

import java.util.List;
import java.util.Map;

/**
 * The groups of the referral network (who names whom, as an undirected graph) and the people who connect
 * them. Groups are numbered from 1, largest first; {@code groupOf} gives every person in the network their
 * group. {@code ranked} is how many people are at or above the threshold, {@code rankedGroups} from how
 * many groups they come.
 */
public record NetworkInsightView(List<Group> groups, Map<PersonId, Integer> groupOf, List<Bridge> bridges,
                                 int bridgeCount, int ranked, int rankedGroups, boolean betweennessMeasured) {

    public NetworkInsightView {
        groups = List.copyOf(groups);
        groupOf = Map.copyOf(groupOf);
        bridges = List.copyOf(bridges);
    }

    public static final NetworkInsightView EMPTY = new NetworkInsightView(List.of(), Map.of(), List.of(), 0, 0, 0,
            false);

    /** A group: its size, how many of it are at or above the threshold, and its best-ranked people. */
    public record Group(int number, int size, int ranked, List<String> examples) {

        public Group {
            examples = List.copyOf(examples);
        }
    }

    /**
     * A person named from more than one group: the groups their nominators belong to, and (for networks
     * small enough to measure it) the share of shortest paths between others that pass through them.
     */
    public record Bridge(PersonId personId, String name, int nominations, int group, List<Integer> namedFrom,
                         double betweenness) {

        public Bridge {
            namedFrom = List.copyOf(namedFrom);
        }
    }

    /** The group of a person, or null when they are not part of the network (never named, named nobody). */
    public Integer group(PersonId person) {
        return groupOf.get(person);
    }

    /** "The 25 people at or above the threshold come from 2 of the 5 groups." */
    public String summary() {
        if (groups.isEmpty()) {
            return "";
        }
        String of = groups.size() == 1 ? "the one group" : "the " + groups.size() + " groups";
        if (ranked == 0) {
            return "Nobody is at or above the threshold yet; the network has " + groups.size()
                    + (groups.size() == 1 ? " group." : " groups.");
        }
        return (ranked == 1 ? "The one person" : "The " + ranked + " people") + " at or above the threshold "
                + (ranked == 1 ? "comes" : "come") + " from " + (groups.size() == 1 ? of
                : rankedGroups + " of " + of) + ".";
    }
}
