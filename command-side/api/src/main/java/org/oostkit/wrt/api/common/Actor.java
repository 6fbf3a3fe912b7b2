package org.oostkit.wrt.api.common;

import java.util.Map;

/**
 * Who caused a command, and so the events it produced. Travels as the {@code actor} metadata entry of
 * commands and events: {@code admin:<email>}, {@code nominator:<invitation id>}, {@code deadline},
 * {@code webhook:<provider>}, {@code operator} or {@code system}.
 */
public record Actor(String value) {

    public static final String METADATA_KEY = "actor";
    public static final String TENANT_KEY = "tenant";

    public static final Actor DEADLINE = new Actor("deadline");
    public static final Actor OPERATOR = new Actor("operator");
    public static final Actor SYSTEM = new Actor("system");

    public static Actor admin(String email) {
        return new Actor("admin:" + Emails.normalise(email));
    }

    public static Actor nominator(Object invitationId) {
        return new Actor("nominator:" + invitationId);
    }

    public static Actor webhook(String provider) {
        return new Actor("webhook:" + provider);
    }

    /** The metadata to send a command with. */
    public Map<String, Object> asMetaData() {
        return Map.of(METADATA_KEY, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
