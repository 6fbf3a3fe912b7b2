package org.oostkit.wrt.web.security;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.organisation.OrganisationCommands.RegisterOrganisation;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.testing.TestDatabase;
import org.oostkit.wrt.web.WrtApplication;
import org.oostkit.wrt.web.support.RecordingMail;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sessions live in PostgreSQL: an admin signed in before a restart is still signed in after it (the
 * application context closed and started again on the same database), and under an https base URL the
 * session cookie is a {@code __Host-} cookie (Secure, Path=/, no Domain).
 */
class SessionRestartIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<ConfigurableApplicationContext> running = new ArrayList<>();
    private String cookie;

    @AfterEach
    void stopAll() {
        running.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void aSignedInAdminIsStillSignedInAfterARestartAndTheCookieIsAHostCookie() throws Exception {
        TestDatabase.Coordinates db = TestDatabase.fresh();
        ConfigurableApplicationContext first = start(db);
        String slug = "session-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = "admin@" + slug + ".test";
        register(first, slug, admin);

        String base = base(first);
        HttpResponse<String> login = send(first, HttpRequest.newBuilder(URI.create(base + "/login")).GET());
        assertThat(login.statusCode()).isEqualTo(200);
        String setCookie = sessionCookie(login);
        assertThat(setCookie).startsWith("__Host-JSESSIONID=").contains("Secure").contains("Path=/")
                .contains("HttpOnly").contains("SameSite=Lax").doesNotContainIgnoringCase("Domain=");
        assertThat(send(first, post(base + "/login", csrf(login), "email", admin)).statusCode()).isEqualTo(200);
        RecordingMail.Recorder mail = first.getBean(RecordingMail.Recorder.class);
        String token = awaitLink(mail, admin).link().getPath().substring("/login/".length());
        HttpResponse<String> confirm = send(first, HttpRequest.newBuilder(URI.create(base + "/login/" + token)).GET());
        HttpResponse<String> signedIn = send(first, post(base + "/login/" + token, csrf(confirm)));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/");
        assertThat(signedInPage(first, slug).statusCode()).isEqualTo(200);

        first.close();
        running.remove(first);
        ConfigurableApplicationContext second = start(db);

        HttpResponse<String> after = signedInPage(second, slug);
        assertThat(after.statusCode()).as("still signed in after the restart").isEqualTo(200);
        assertThat(after.body()).contains("Organisation " + slug);
    }

    private HttpResponse<String> signedInPage(ConfigurableApplicationContext context, String slug)
            throws IOException, InterruptedException {
        return send(context, HttpRequest.newBuilder(URI.create(base(context) + "/org/" + slug + "/manage")).GET());
    }

    /** Sends with the session cookie by hand: a Secure cookie is not sent over plain HTTP by a cookie jar. */
    private HttpResponse<String> send(ConfigurableApplicationContext context, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("__Host-JSESSIONID="))
                .findFirst().ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
        return response;
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.contains("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie"));
    }

    private static HttpRequest.Builder post(String uri, String csrf, String... pairs) {
        StringBuilder body = new StringBuilder("_csrf=").append(URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        for (int i = 0; i < pairs.length; i += 2) {
            body.append('&').append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher matcher = CSRF.matcher(page.body());
        assertThat(matcher.find()).as("CSRF field in the page").isTrue();
        return matcher.group(1);
    }

    private static RecordingMail.SignInLink awaitLink(RecordingMail.Recorder mail, String admin) {
        await("a sign-in link mailed").atMost(Duration.ofSeconds(15)).until(() -> !mail.signInLinksTo(admin).isEmpty());
        return mail.signInLinksTo(admin).get(0);
    }

    private static void register(ConfigurableApplicationContext context, String slug, String admin) {
        context.getBean(CommandGateway.class).sendAndWait(GenericCommandMessage.asCommandMessage(
                new RegisterOrganisation(OrganisationId.random(), slug, "Organisation " + slug, List.of(admin),
                        List.of())).andMetaData(Actor.OPERATOR.asMetaData()));
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        await("the organisation registered").atMost(Duration.ofSeconds(15)).until(() ->
                jdbc.queryForObject("SELECT count(*) FROM tenant WHERE slug = ?", Integer.class, slug) > 0);
    }

    private static String base(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    private ConfigurableApplicationContext start(TestDatabase.Coordinates db) {
        // as command-line arguments: they must win over application.yml's environment defaults
        ConfigurableApplicationContext context = new SpringApplicationBuilder(WrtApplication.class, RecordingMail.class)
                .run("--wrt.test.database-url=" + db.url(),
                        "--wrt.test.database-username=" + db.username(),
                        "--wrt.test.database-password=" + db.password(),
                        "--spring.datasource.hikari.maximum-pool-size=6",
                        "--server.port=0",
                        "--wrt.base-url=https://wrt.test",
                        "--wrt.rate-limits.enabled=false");
        running.add(context);
        return context;
    }
}
