package org.oostkit.wrt.query.api;

import org.oostkit.wrt.api.campaign.PersonId;

import java.util.List;

/** Who nominated whom: people (with how often they were named) and the nominations between them. */
public record ReferralGraphView(List<Node> nodes, List<Edge> edges) {

    public record Node(PersonId personId, String name, String source, int nominations, Integer contactedRound) {
    }

    public record Edge(PersonId nominator, PersonId nominee, int round) {
    }
}
