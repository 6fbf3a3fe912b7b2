package org.oostkit.wrt.web.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How admins and auditors sign in ({@code wrt.auth.*}): standalone one-time links (the default) or the
 * OOSTKit Portal's cookie.
 *
 * @param mode              {@code standalone} or {@code portal} ({@code AUTH_MODE})
 * @param signInLinkValidity how long a mailed sign-in link works (at most 15 minutes)
 * @param portal            the Portal's coordinates, used in portal mode only
 */
@ConfigurationProperties("wrt.auth")
public record AuthProperties(@DefaultValue("standalone") Mode mode,
                             @DefaultValue("15m") Duration signInLinkValidity,
                             @DefaultValue Portal portal) {

    static final Duration MAX_LINK_VALIDITY = Duration.ofMinutes(15);
    static final Duration MAX_PORTAL_CACHE = Duration.ofMinutes(5);

    public AuthProperties {
        if (signInLinkValidity.isNegative() || signInLinkValidity.isZero()
                || signInLinkValidity.compareTo(MAX_LINK_VALIDITY) > 0) {
            throw new IllegalArgumentException("wrt.auth.sign-in-link-validity must be between 0 and 15 minutes");
        }
        if (mode == Mode.PORTAL && (blank(portal.apiUrl()) || blank(portal.loginUrl()) || blank(portal.apiKey()))) {
            throw new IllegalArgumentException("AUTH_MODE=portal needs PORTAL_API_URL, PORTAL_API_KEY and PORTAL_LOGIN_URL");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public boolean portalMode() {
        return mode == Mode.PORTAL;
    }

    public enum Mode { STANDALONE, PORTAL }

    /**
     * @param apiUrl   base URL of the Portal ({@code PORTAL_API_URL}); WRT calls {@code POST /api/internal/auth/validate}
     * @param apiKey   the Portal's internal API key ({@code PORTAL_API_KEY}), sent as a bearer token
     * @param loginUrl where unauthenticated people are sent, with {@code return_to} ({@code PORTAL_LOGIN_URL})
     * @param cacheTtl how long a validation answer is reused (at most 5 minutes)
     * @param timeout  how long WRT waits for the Portal before treating the person as not signed in
     */
    public record Portal(String apiUrl, String apiKey, String loginUrl,
                         @DefaultValue("5m") Duration cacheTtl,
                         @DefaultValue("3s") Duration timeout) {

        public Portal {
            if (cacheTtl.isNegative() || cacheTtl.compareTo(MAX_PORTAL_CACHE) > 0) {
                throw new IllegalArgumentException("wrt.auth.portal.cache-ttl must be between 0 and 5 minutes");
            }
        }
    }
}
