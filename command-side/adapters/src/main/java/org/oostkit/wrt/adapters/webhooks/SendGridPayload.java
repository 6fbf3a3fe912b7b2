package org.oostkit.wrt.adapters.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.oostkit.wrt.api.invitation.DeliveryKind;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads SendGrid's event webhook body: a JSON array of events. The mail's unique args ({@code tenant},
 * {@code invitation}) arrive as top-level keys of each event; {@code sg_event_id} identifies an event across
 * SendGrid's retries.
 */
public final class SendGridPayload {

    public static final String PROVIDER = "sendgrid";

    private SendGridPayload() {
    }

    public static List<ProviderReport> read(ObjectMapper json, byte[] body, Instant receivedAt) {
        JsonNode events;
        try {
            events = body == null ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedPayload("The body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedPayload("The body could not be read.");
        }
        if (events == null || !events.isArray()) {
            throw new MalformedPayload("SendGrid sends a JSON array of events.");
        }
        List<ProviderReport> reports = new ArrayList<>(events.size());
        for (JsonNode event : events) {
            if (!event.isObject()) {
                throw new MalformedPayload("Each SendGrid event is a JSON object.");
            }
            String type = text(event, "event");
            reports.add(new ProviderReport(PROVIDER, key(event, type), kind(type, text(event, "type")),
                    text(event, "tenant"), text(event, "invitation"), instant(event, receivedAt)));
        }
        return reports;
    }

    static DeliveryKind kind(String event, String bounceType) {
        switch (event) {
            case "delivered":
                return DeliveryKind.DELIVERED;
            case "open":
                return DeliveryKind.OPENED;
            case "click":
                return DeliveryKind.CLICKED;
            case "bounce":
                // "blocked": the receiving server refused for now (reputation, policy); "bounce": for good
                return "blocked".equals(bounceType) ? DeliveryKind.SOFT_BOUNCED : DeliveryKind.BOUNCED;
            case "dropped":
                // SendGrid never attempts this mail (suppressed or invalid address): it will not arrive
                return DeliveryKind.BOUNCED;
            case "spamreport":
                return DeliveryKind.SPAM_COMPLAINT;
            default:
                // processed, deferred (SendGrid retries on its own), unsubscribe and group events
                return null;
        }
    }

    /** {@code sg_event_id}; events without one (old accounts) fall back to message, type and second. */
    private static String key(JsonNode event, String type) {
        String id = text(event, "sg_event_id");
        if (!id.isEmpty()) {
            return id;
        }
        String message = text(event, "sg_message_id");
        return message.isEmpty() ? "" : String.join("/", type, message, text(event, "timestamp"));
    }

    private static Instant instant(JsonNode event, Instant fallback) {
        JsonNode timestamp = event.path("timestamp");
        return timestamp.canConvertToLong() ? Instant.ofEpochSecond(timestamp.asLong()) : fallback;
    }

    private static String text(JsonNode node, String field) {
        return PayloadText.of(node, field);
    }
}
