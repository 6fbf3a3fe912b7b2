package org.oostkit.wrt.web.results;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.query.api.ReasonView;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NamedByTest {

    private static final PersonId ERIN = PersonId.random();

    @Test
    @DisplayName("nobody named: no toggle; reasons counted in the summary; a bounded list says how many more")
    void model() {
        assertThat(NamedBy.model(List.of(), 0)).isNull();

        NamedBy.Toggle two = NamedBy.model(List.of(
                new ReasonView(ERIN, "Erin", PersonId.random(), "Alice", 1, " runs the night shift "),
                new ReasonView(ERIN, "Erin", PersonId.random(), "Bob", 2, "")), 2);
        assertThat(two.summary()).isEqualTo("Named by \u00b7 1 reason");
        assertThat(two.hasMore()).isFalse();
        assertThat(two.items()).containsExactly(
                new NamedBy.Item("Alice", 1, true, "runs the night shift"),
                new NamedBy.Item("Bob", 2, false, ""));

        NamedBy.Toggle bounded = NamedBy.model(List.of(
                new ReasonView(ERIN, "Erin", PersonId.random(), "Alice", 1, "a"),
                new ReasonView(ERIN, "Erin", PersonId.random(), "Bob", 1, "b")), 25);
        assertThat(bounded).isEqualTo(new NamedBy.Toggle("Named by \u00b7 2 reasons shown", bounded.items(), 23, true));
    }
}
