package org.oostkit.wrt.adapters.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The configured provider's tracking headers: only opaque ids travel, and link tracking is off because
 * every WRT link carries a secret.
 */
final class ProviderHeaders {

    enum Provider { POSTMARK, SENDGRID, NONE }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Provider provider;

    ProviderHeaders(String provider) {
        this.provider = parse(provider);
    }

    static Provider parse(String provider) {
        if (provider == null || provider.isBlank()) {
            return Provider.NONE;
        }
        try {
            return Provider.valueOf(provider.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("WRT_MAIL_PROVIDER must be postmark, sendgrid or none, not " + provider);
        }
    }

    Provider provider() {
        return provider;
    }

    /**
     * Headers for a mail; {@code tenant} and {@code invitation} may be null (a sign-in link belongs to
     * no invitation), {@code trackOpens} only where a delivery timeline is kept.
     */
    Map<String, String> headers(UUID tenant, UUID invitation, boolean trackOpens) {
        Map<String, String> headers = new LinkedHashMap<>();
        switch (provider) {
            case POSTMARK -> {
                if (tenant != null) {
                    headers.put("X-PM-Metadata-tenant", tenant.toString());
                }
                if (invitation != null) {
                    headers.put("X-PM-Metadata-invitation", invitation.toString());
                }
                headers.put("X-PM-Track-Opens", String.valueOf(trackOpens));
                headers.put("X-PM-TrackLinks", "None");
            }
            case SENDGRID -> {
                Map<String, Object> uniqueArgs = new LinkedHashMap<>();
                if (tenant != null) {
                    uniqueArgs.put("tenant", tenant.toString());
                }
                if (invitation != null) {
                    uniqueArgs.put("invitation", invitation.toString());
                }
                Map<String, Object> api = new LinkedHashMap<>();
                api.put("unique_args", uniqueArgs);
                api.put("filters", Map.of(
                        "opentrack", Map.of("settings", Map.of("enable", trackOpens ? 1 : 0)),
                        "clicktrack", Map.of("settings", Map.of("enable", 0))));
                try {
                    headers.put("X-SMTPAPI", JSON.writeValueAsString(api));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
            case NONE -> {
            }
        }
        return headers;
    }
}
