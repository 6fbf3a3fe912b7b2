package org.oostkit.wrt.query.api;

import org.oostkit.wrt.api.campaign.PersonId;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Nominations with their reasons, in round order, then by the nominator's (or nominee's) name;
 * {@code nominatorsLeftOut} counts the nominators a bounded answer left out (0: none).
 */
public record ReasonsView(List<ReasonView> reasons, int nominatorsLeftOut) {

    public ReasonsView {
        reasons = List.copyOf(reasons);
    }

    public ReasonsView(List<ReasonView> reasons) {
        this(reasons, 0);
    }

    /** Who named each person, keyed by nominee, in the order given. */
    public Map<PersonId, List<ReasonView>> byNominee() {
        return reasons.stream().collect(Collectors.groupingBy(ReasonView::nomineeId, LinkedHashMap::new,
                Collectors.toList()));
    }

    /** Whom each nominator named, keyed by nominator, in the order given. */
    public Map<PersonId, List<ReasonView>> byNominator() {
        return reasons.stream().collect(Collectors.groupingBy(ReasonView::nominatorId, LinkedHashMap::new,
                Collectors.toList()));
    }
}
