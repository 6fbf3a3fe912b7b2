package org.oostkit.wrt.web.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The session cookie of the sessions Spring Session keeps in PostgreSQL. Served over HTTPS (the base URL says
 * so) it is a {@code __Host-} cookie: Secure, for the whole site ({@code Path=/}) and without a Domain, so no
 * subdomain and no plain-HTTP page can set or overwrite it. HttpOnly and SameSite=Lax either way.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    static final String COOKIE = "JSESSIONID";
    static final String HOST_PREFIX = "__Host-";

    @Bean
    CookieSerializer sessionCookieSerializer(@Value("${wrt.base-url}") String baseUrl) {
        boolean https = baseUrl.regionMatches(true, 0, "https:", 0, 6);
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName(https ? HOST_PREFIX + COOKIE : COOKIE);
        cookie.setCookiePath("/");
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        if (https) {
            cookie.setUseSecureCookie(true);
        }
        // otherwise Secure follows the request (TLS seen directly or through a trusted proxy's X-Forwarded-Proto)
        return cookie;
    }
}
