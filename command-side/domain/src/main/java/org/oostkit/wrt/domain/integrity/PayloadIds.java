package org.oostkit.wrt.domain.integrity;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.UUID;

/**
 * Ids a stored payload names at its top level ({@code campaignId}, {@code organisationId}; ids are never
 * encrypted), read by streaming the JSON without building a tree. Null when absent or not a JSON object.
 */
public final class PayloadIds {

    private static final JsonFactory JSON = new JsonFactory();

    private PayloadIds() {
    }

    public static UUID campaign(byte[] payload) {
        return topLevel(payload, "campaignId");
    }

    public static UUID organisation(byte[] payload) {
        return topLevel(payload, "organisationId");
    }

    static UUID topLevel(byte[] payload, String field) {
        if (payload == null || payload.length == 0) {
            return null;
        }
        try (JsonParser parser = JSON.createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals(name) && value == JsonToken.VALUE_STRING) {
                    return UUID.fromString(parser.getText());
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
