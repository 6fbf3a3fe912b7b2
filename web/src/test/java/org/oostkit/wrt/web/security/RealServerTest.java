package org.oostkit.wrt.web.security;

import org.junit.jupiter.api.Test;
import org.oostkit.wrt.web.WrtApplication;
import org.oostkit.wrt.web.support.ProbeRoutes;
import org.oostkit.wrt.web.support.RecordingMail;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What MockMvc cannot show, on the real embedded Tomcat: the session cookie's flags, TLS recognised only
 * through a trusted proxy's X-Forwarded-Proto, and error pages rendered through the container's error dispatch
 * without any stack trace.
 */
// every full application on the shared test database runs its own mail, webhook and Axon processors: close it
// after its class, so that no two of them compete for the same outbox, tokens or deadlines
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(classes = WrtApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({RecordingMail.class, ProbeRoutes.class})
class RealServerTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSessionCookieIsHttpOnlyLaxAndSecureBehindTls() throws Exception {
        HttpResponse<String> plain = get("/login");
        String cookie = sessionCookie(plain.headers().allValues("Set-Cookie"));
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();

        HttpResponse<String> proxied = get("/login", "X-Forwarded-Proto", "https");
        assertThat(sessionCookie(proxied.headers().allValues("Set-Cookie"))).contains("Secure").contains("HttpOnly");
        assertThat(proxied.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                hsts -> assertThat(hsts).contains("max-age=31536000"));
    }

    @Test
    void failuresAreErrorPagesWithoutInternals() throws Exception {
        HttpResponse<String> page = get("/org/alpha/nominate/probe-failure", "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(500);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("Something went wrong").doesNotContain("secret internals")
                .doesNotContain("IllegalStateException").doesNotContain("at org.");

        HttpResponse<String> problem = get("/org/alpha/nominate/probe-failure", "Accept", "application/json");
        assertThat(problem.statusCode()).isEqualTo(500);
        assertThat(problem.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(problem.body()).contains("\"status\":500").doesNotContain("secret internals");

        HttpResponse<String> missing = get("/org/alpha/nominate/../../../etc/passwd", "Accept", "text/html");
        assertThat(missing.statusCode()).isIn(400, 404);
        HttpResponse<String> unknown = get("/no/such/page", "Accept", "text/html");
        assertThat(unknown.statusCode()).isEqualTo(302); // signed-in area: sign in first, then 404
        HttpResponse<String> asset = get("/css/none.css", "Accept", "text/html");
        assertThat(asset.statusCode()).isEqualTo(404);
        assertThat(asset.body()).contains("Page not found");
    }

    private static String sessionCookie(List<String> cookies) {
        return cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + cookies));
    }
}
