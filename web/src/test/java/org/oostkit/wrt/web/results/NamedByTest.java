package org.oostkit.wrt.web.results;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.query.api.ReasonView;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NamedByTest {

    private static final PersonId ERIN = PersonId.random();

    @Test
    @DisplayName("nobody named: no toggle; reasons counted in the summary; a bounded list says how many more")
    @SuppressWarnings("unchecked")
    void model() {
        assertThat(NamedBy.model(List.of(), 0)).isNull();

        Map<String, Object> two = NamedBy.model(List.of(
                new ReasonView(ERIN, "Erin", PersonId.random(), "Alice", 1, " runs the night shift "),
                new ReasonView(ERIN, "Erin", PersonId.random(), "Bob", 2, "")), 2);
        assertThat(two).containsEntry("summary", "Named by \u00b7 1 reason").containsEntry("hasMore", false);
        assertThat((List<Object>) two.get("items")).containsExactly(
                Map.<String, Object>of("nominator", "Alice", "round", 1, "hasReason", true, "reason", "runs the night shift"),
                Map.<String, Object>of("nominator", "Bob", "round", 2, "hasReason", false, "reason", ""));

        Map<String, Object> bounded = NamedBy.model(List.of(
                new ReasonView(ERIN, "Erin", PersonId.random(), "Alice", 1, "a"),
                new ReasonView(ERIN, "Erin", PersonId.random(), "Bob", 1, "b")), 25);
        assertThat(bounded).containsEntry("summary", "Named by \u00b7 2 reasons shown").containsEntry("more", 23)
                .containsEntry("hasMore", true);
    }
}
