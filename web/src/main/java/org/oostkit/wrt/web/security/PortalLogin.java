package org.oostkit.wrt.web.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Portal's login address with {@code return_to}. The return address is built from WRT's configured base
 * URL, never from the request's Host header, so nobody can make the Portal send people elsewhere.
 */
@Component
class PortalLogin {

    private final AuthProperties properties;
    private final String baseUrl;

    PortalLogin(AuthProperties properties, @Value("${wrt.base-url:http://localhost:8080}") String baseUrl) {
        this.properties = properties;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Where to send someone who is not signed in and wanted {@code pathAndQuery} (starting with a slash). */
    String url(String pathAndQuery) {
        String returnTo = baseUrl + (pathAndQuery.startsWith("/") ? pathAndQuery : "/" + pathAndQuery);
        return UriComponentsBuilder.fromUriString(properties.portal().loginUrl())
                .queryParam("return_to", returnTo).encode().build().toUriString();
    }
}
