package org.oostkit.wrt.web.bounds;

import org.junit.jupiter.api.Test;
import org.oostkit.wrt.web.WrtApplication;
import org.oostkit.wrt.web.support.RecordingMail;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.organisation.OrganisationCommands.RegisterOrganisation;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.api.OrganisationQueries.FindOrganisationBySlug;
import org.oostkit.wrt.query.api.OrganisationView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.io.IOException;
import java.net.CookieManager;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Request bounds on the real embedded Tomcat (loopback only): webhook bodies over 1 MB are refused before
 * they are read, trickling clients do not take the server's threads, and X-Forwarded-For counts only from a
 * trusted proxy (here 127.0.0.1, so the test's other loopback address 127.0.0.2 is an untrusted client).
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(classes = WrtApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "wrt.trusted-proxies=127.0.0.1",
                "wrt.rate-limits.enabled=true",
                "wrt.rate-limits.sign-in=3",
                "wrt.rate-limits.general=8",
                "wrt.webhooks.postmark.username=" + RequestBoundsTest.USER,
                "wrt.webhooks.postmark.password=" + RequestBoundsTest.PASSWORD,
                "wrt.webhooks.body.read-timeout=20s"})
@Import(RecordingMail.class)
@ExtendWith(OutputCaptureExtension.class)
class RequestBoundsTest {

    static final String USER = "postmark-hooks";
    static final String PASSWORD = "bounds-test-secret";
    private static final String AUTHORIZATION = "Basic " + Base64.getEncoder()
            .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    private static final int SLOW_CLIENTS = 300;

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    QueryGateway queries;
    @Autowired
    RecordingMail.Recorder mail;

    private String webhookHead(String length) {
        return "POST /webhooks/email/postmark HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: "
                + AUTHORIZATION + "\r\nContent-Type: application/json\r\n" + length + "\r\n";
    }

    @Test
    void aTwentyMegabyteWebhookBodyIs413BeforeItIsRead() throws IOException {
        try (RawHttp http = new RawHttp("127.0.0.1", port)) {
            // the headers and 1 KB of a 20 MB body: the answer must come without the other 19.99 MB
            http.send(webhookHead("Content-Length: 20000000\r\n")).send(new byte[1024]);
            String response = http.response(5_000);
            assertThat(RawHttp.status(response)).isEqualTo(413);
            assertThat(response).containsIgnoringCase("Content-Type: application/problem+json")
                    .contains("\"status\":413");
            // and the server does not wait for the rest either (no swallowing of the body)
            assertThat(http.closedWithin(5_000)).isTrue();
        }
    }

    @Test
    void aChunkedWebhookBodyIsCutOffAtTheCap() throws IOException {
        try (RawHttp http = new RawHttp("127.0.0.1", port)) {
            http.send(webhookHead("Transfer-Encoding: chunked\r\n"));
            String chunk = Integer.toHexString(64 * 1024) + "\r\n" + "x".repeat(64 * 1024) + "\r\n";
            for (int i = 0; i < 17; i++) { // 1.06 MB, no end chunk: the answer must not need one
                http.send(chunk);
            }
            String response = http.response(5_000);
            assertThat(RawHttp.status(response)).isEqualTo(413);
            assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
        }
    }

    @Test
    void threeHundredTricklingWebhookBodiesDoNotStopHealth() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(5)).build();
        // a first request warms the client up (its first use loads a good many classes)
        assertThat(client.send(health, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        List<RawHttp> slow = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                slow.add(new RawHttp("127.0.0.1", port).send(webhookHead("Content-Length: 1000\r\n") + "["));
            }
            settle(client, health);
            // every slow client sends one more byte per round, keeping its body (and, on a blocking read, a
            // server thread) busy; health is asked in between and must answer within a second each time
            for (int round = 0; round < 5; round++) {
                for (RawHttp http : slow) {
                    http.send(" ");
                }
                long start = System.nanoTime();
                HttpResponse<String> answer = client.send(health, HttpResponse.BodyHandlers.ofString());
                long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(millis).as("health answer time, round %d", round).isLessThan(1_000);
            }
        } finally {
            for (RawHttp http : slow) {
                http.close();
            }
        }
    }

    @Test
    void threeHundredTricklingFormPostsDoNotStopHealth() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(5)).build();
        assertThat(client.send(health, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        List<RawHttp> slow = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                // 300 clients behind the trusted proxy, each naming an address of its own
                slow.add(new RawHttp("127.0.0.1", port).send("POST /org/x/nominate/request-link HTTP/1.1\r\nHost: "
                        + "127.0.0.1\r\nX-Forwarded-For: 10.9." + (i / 250) + "." + (i % 250) + "\r\nContent-Type: "
                        + "application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\ne"));
            }
            settle(client, health);
            for (int round = 0; round < 5; round++) {
                for (RawHttp http : slow) {
                    try {
                        http.send("m");
                    } catch (IOException closedByTheServer) {
                        // a refused client's connection is closed: exactly what should happen to it
                    }
                }
                long start = System.nanoTime();
                HttpResponse<String> answer = client.send(health, HttpResponse.BodyHandlers.ofString());
                long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(millis).as("health answer time, round %d", round).isLessThan(1_000);
            }
        } finally {
            for (RawHttp http : slow) {
                http.close();
            }
        }
    }

    /**
     * Waits (at most 30 seconds) until the server has taken in the burst of new connections: on a shared
     * two-core machine dispatching 300 new requests at once can take a second or two. What must hold is that
     * the server answers while they trickle on.
     */
    private static void settle(HttpClient client, HttpRequest health) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(
                () -> client.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    }

    @Test
    void aSpoofedForwardedForFromAnUntrustedAddressDoesNotEscapeTheLimit() throws IOException {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(signIn("127.0.0.2", "203.0.113." + (i + 1)));
        }
        // three sign-in attempts a minute from one address: the fourth is refused whatever header it names
        assertThat(statuses.subList(0, 3)).doesNotContain(429);
        assertThat(statuses.get(3)).isEqualTo(429);
    }

    @Test
    void aTrustedProxysForwardedForNamesTheClient() throws IOException {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // five different clients behind the trusted proxy (127.0.0.1); a spoofed entry to their left is ignored
            statuses.add(signIn("127.0.0.1", "198.51.100.99, 192.0.2." + (i + 1)));
        }
        assertThat(statuses).doesNotContain(429);
        for (int i = 0; i < 3; i++) {
            signIn("127.0.0.1", "192.0.2.200");
        }
        assertThat(signIn("127.0.0.1", "198.51.100." + 7 + ", 192.0.2.200")).isEqualTo(429);
    }

    private int signIn(String from, String forwardedFor) throws IOException {
        try (RawHttp http = new RawHttp(from, port)) {
            http.send("POST /login HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nX-Forwarded-For: " + forwardedFor
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 5\r\n"
                    + "Connection: close\r\n\r\nemail");
            return RawHttp.status(http.response(5_000));
        }
    }

    @Test
    void aRateLimitedPageForASignedInAdminIsThe429PageWithoutAStackTrace(CapturedOutput output) throws Exception {
        String slug = "bounds-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = "admin@" + slug + ".test";
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RegisterOrganisation(OrganisationId.random(),
                slug, "Bounds", List.of(admin), List.of())).andMetaData(Actor.OPERATOR.asMetaData()));
        await().atMost(Duration.ofSeconds(10)).until(() -> queries.query(new FindOrganisationBySlug(slug),
                OrganisationView.class).join() != null);

        // a client of its own behind the trusted proxy, so that the other tests' requests do not count
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String client = "192.0.2.77";
        HttpResponse<String> form = browser.send(page("/login", client).build(), HttpResponse.BodyHandlers.ofString());
        browser.send(page("/login", client).POST(form("email=" + admin + "&_csrf=" + csrf(form.body()))).build(),
                HttpResponse.BodyHandlers.ofString());
        String token = mail.awaitSignInLink(admin, 0).link().getPath().substring("/login/".length());
        HttpResponse<String> confirm = browser.send(page("/login/" + token, client).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> signedIn = browser.send(page("/login/" + token, client)
                .POST(form("_csrf=" + csrf(confirm.body()))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);

        int before = output.getAll().length();
        HttpResponse<String> limited = null;
        for (int i = 0; i < 10 && limited == null; i++) {
            HttpResponse<String> answer = browser.send(page("/", client).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 429) {
                limited = answer;
            }
        }
        assertThat(limited).isNotNull();
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        // refused before Spring Security ran, so there is no CSRF token for the sign-out form: the page goes without it
        assertThat(limited.body()).contains("Too many requests").doesNotContain("action=\"/logout\"");
        String logged = output.getAll().substring(before);
        assertThat(logged).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private HttpRequest.Builder page(String path, String forwardedFor) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", forwardedFor);
    }

    private static HttpRequest.BodyPublisher form(String body) {
        return HttpRequest.BodyPublishers.ofString(body);
    }

    private static String csrf(String html) {
        Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as("a CSRF field in %s", html).isTrue();
        return matcher.group(1);
    }
}
