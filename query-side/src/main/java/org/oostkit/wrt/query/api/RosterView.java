package org.oostkit.wrt.query.api;

import java.util.List;

/** The roster; {@code nextRound} are the people the next round would contact (never asked so far). */
public record RosterView(List<PersonView> people, List<PersonView> nextRound) {
}
