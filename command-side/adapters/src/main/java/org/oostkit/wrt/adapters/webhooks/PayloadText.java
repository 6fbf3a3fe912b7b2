package org.oostkit.wrt.adapters.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import org.oostkit.wrt.api.common.TextRule;

/**
 * A text field of a provider's webhook body, held to the same rule as every text entering WRT: a control
 * character (a NUL cannot even be stored in PostgreSQL), a broken surrogate or a bidi control makes the whole
 * body malformed (400, nothing stored), so one bad record can never block the inbox for everyone.
 */
final class PayloadText {

    /** Far longer than any id, type or timestamp a provider sends. */
    static final int MAX_LENGTH = 1_000;

    private PayloadText() {
    }

    /** The field's text, stripped; empty when absent or not a value. */
    static String of(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isValueNode() || value.isNull()) {
            return "";
        }
        String text = value.asText();
        String problem = new TextRule("the field " + field, MAX_LENGTH, false).problem(text);
        if (problem != null) {
            throw new MalformedPayload(TextRule.sentence(problem));
        }
        return text.strip();
    }
}
