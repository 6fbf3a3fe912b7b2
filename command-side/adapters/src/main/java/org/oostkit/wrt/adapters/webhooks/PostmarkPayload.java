package org.oostkit.wrt.adapters.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.oostkit.wrt.api.invitation.DeliveryKind;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads Postmark's webhook body: one JSON object per request, told apart by {@code RecordType}. Postmark gives
 * no event id, so the key is derived from what identifies the record: record type, message id, the record's
 * own timestamp and, for bounces, the bounce id.
 */
public final class PostmarkPayload {

    public static final String PROVIDER = "postmark";

    /** Bounce types after which this mail will not arrive (Postmark's bounce type list). */
    private static final Set<String> HARD = Set.of("hardbounce", "bademailaddress",
            "manuallydeactivated", "unconfirmed", "dmarcpolicy", "smtpapierror", "templaterenderingfailed");
    /** Bounce types that delay or spam-file the mail but may still let a later attempt through. */
    private static final Set<String> SOFT = Set.of("softbounce", "transient", "dnserror", "blocked",
            "spamnotification", "virusnotification", "unknown");
    /** Timestamp field of each record type. */
    private static final Map<String, String> TIMESTAMP = Map.of(
            "Delivery", "DeliveredAt", "Open", "ReceivedAt", "Click", "ReceivedAt",
            "Bounce", "BouncedAt", "SpamComplaint", "BouncedAt", "SubscriptionChange", "ChangedAt");

    private PostmarkPayload() {
    }

    public static ProviderReport read(ObjectMapper json, byte[] body, Instant receivedAt) {
        JsonNode record;
        try {
            record = body == null ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedPayload("The body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedPayload("The body could not be read.");
        }
        if (record == null || !record.isObject()) {
            throw new MalformedPayload("Postmark sends one JSON object per request.");
        }
        String recordType = text(record, "RecordType");
        String stamp = text(record, TIMESTAMP.getOrDefault(recordType, "ReceivedAt"));
        String message = text(record, "MessageID");
        String key = message.isEmpty() ? "" : String.join("/", recordType, message, stamp,
                "Bounce".equals(recordType) || "SpamComplaint".equals(recordType) ? text(record, "ID") : "");
        JsonNode metadata = record.path("Metadata");
        return new ProviderReport(PROVIDER, key, kind(recordType, text(record, "Type")),
                text(metadata, "tenant"), text(metadata, "invitation"), instant(stamp, receivedAt));
    }

    static DeliveryKind kind(String recordType, String bounceType) {
        switch (recordType) {
            case "Delivery":
                return DeliveryKind.DELIVERED;
            case "Open":
                return DeliveryKind.OPENED;
            case "Click":
                return DeliveryKind.CLICKED;
            case "SpamComplaint":
                return DeliveryKind.SPAM_COMPLAINT;
            case "Bounce":
                String type = bounceType.toLowerCase(Locale.ROOT);
                if (type.equals("spamcomplaint")) {
                    return DeliveryKind.SPAM_COMPLAINT;
                }
                if (HARD.contains(type)) {
                    return DeliveryKind.BOUNCED;
                }
                // auto-responders, address changes, (un)subscribe requests, challenge mails: not about delivery
                return SOFT.contains(type) ? DeliveryKind.SOFT_BOUNCED : null;
            default:
                return null;
        }
    }

    private static Instant instant(String stamp, Instant fallback) {
        if (stamp.isEmpty()) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(stamp).toInstant();
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    private static String text(JsonNode node, String field) {
        return PayloadText.of(node, field);
    }
}
