package org.oostkit.wrt.web.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.oostkit.wrt.api.common.Emails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Portal mode: turns the Portal's {@code _oostkit_token} cookie into a signed-in person by asking
 * {@code POST {PORTAL_API_URL}/api/internal/auth/validate} ({@code {"token": …}}, the internal API key as a
 * bearer token; the Portal answers {@code {"valid": true, "user": {"email": …, "enabled": true, …}}}).
 * Answers (valid or not) are kept for at most the configured time (≤ 5 minutes), keyed by the SHA-256 of the
 * token so no raw token sits in memory longer than the request. Anything but a clear "valid and enabled" —
 * an unreachable Portal, a timeout, an error, an odd body — means not signed in (fail closed); failures to
 * reach the Portal are not cached, so the next request asks again.
 */
class PortalAuthenticator {

    static final String COOKIE = "_oostkit_token";
    private static final Logger log = LoggerFactory.getLogger(PortalAuthenticator.class);

    private final AuthProperties.Portal portal;
    private final Members members;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Cache<String, Optional<Authentication>> cache;

    PortalAuthenticator(AuthProperties.Portal portal, Members members) {
        this.portal = portal;
        this.members = members;
        this.http = HttpClient.newBuilder().connectTimeout(portal.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.cache = Caffeine.newBuilder().expireAfterWrite(portal.cacheTtl()).maximumSize(50_000).build();
    }

    /** The signed-in person for this token, or empty. */
    Optional<Authentication> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 4096) {
            return Optional.empty();
        }
        String key = sha256(token);
        Optional<Authentication> cached = cache.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        Optional<String> email;
        try {
            email = validate(token);
        } catch (IOException | RuntimeException e) {
            log.warn("Portal did not validate a session ({}); treating the request as not signed in", e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        Optional<Authentication> answer = email.map(address -> UsernamePasswordAuthenticationToken.authenticated(
                address, null, members.authoritiesOf(address)));
        cache.put(key, answer);
        return answer;
    }

    /** Forgets a token's answer (sign-out). */
    void forget(String token) {
        if (token != null) {
            cache.invalidate(sha256(token));
        }
    }

    private Optional<String> validate(String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stripSlash(portal.apiUrl()) + "/api/internal/auth/validate"))
                .timeout(portal.timeout())
                .header("Authorization", "Bearer " + portal.apiKey())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("token", token))))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() == 401 || response.statusCode() == 403 || response.statusCode() == 404) {
            return Optional.empty(); // a definite no: cached like a yes
        }
        if (response.statusCode() != 200) {
            throw new IOException("Portal answered " + response.statusCode());
        }
        JsonNode body = json.readTree(response.body());
        JsonNode user = body.path("user");
        String email = Emails.normalise(user.path("email").asText(null));
        if (!body.path("valid").asBoolean(false) || !user.path("enabled").asBoolean(true)
                || email == null || !Emails.isValid(email)) {
            return Optional.empty();
        }
        return Optional.of(email);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
