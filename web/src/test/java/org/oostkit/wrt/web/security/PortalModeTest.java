package org.oostkit.wrt.web.security;

import com.sun.net.httpserver.HttpServer;
import jakarta.servlet.http.Cookie;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.organisation.OrganisationStatus;
import org.oostkit.wrt.query.api.OrganisationQueries.FindOrganisationsOfMember;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.web.support.ProbeRoutes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Portal mode against a real HTTP server standing in for the Portal: the cookie is validated with the API key,
 * answers are cached, and anything but a clear yes (no, disabled, error, too slow) means not signed in.
 */
@WebMvcTest(controllers = ProbeRoutes.Probe.class, properties = {
        "wrt.auth.mode=portal", "wrt.auth.portal.api-key=portal-internal-key",
        "wrt.auth.portal.login-url=https://portal.example/users/log-in", "wrt.auth.portal.timeout=1s",
        "wrt.base-url=https://wrt.example"})
@Import({SecurityConfiguration.class, PortalConfiguration.class, Members.class, ProbeRoutes.class,
        PortalModeTest.Registry.class})
class PortalModeTest {

    static final HttpServer PORTAL = startPortal();
    static final Map<String, String> ANSWERS = new ConcurrentHashMap<>();
    static final List<String> REQUESTS = new CopyOnWriteArrayList<>();
    static final AtomicInteger CALLS = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void portal(DynamicPropertyRegistry registry) {
        registry.add("wrt.auth.portal.api-url", () -> "http://127.0.0.1:" + PORTAL.getAddress().getPort());
    }

    @BeforeEach
    void reset() {
        REQUESTS.clear();
        CALLS.set(0);
    }

    @AfterAll
    static void stop() {
        PORTAL.stop(0);
    }

    @Test
    void aValidPortalCookieSignsInWithTheOrganisationRolesAndIsCached() throws Exception {
        ANSWERS.put("token-alice", "200 {\"valid\":true,\"user\":{\"id\":7,\"email\":\"Alice@Alpha.org\","
                + "\"name\":\"Alice\",\"role\":\"session_facilitator\",\"enabled\":true}}");
        mvc.perform(get("/org/alpha/probe").cookie(portalCookie("token-alice"))).andExpect(status().isOk());
        mvc.perform(get("/org/alpha/probe").cookie(portalCookie("token-alice"))).andExpect(status().isOk());
        mvc.perform(get("/org/beta/probe").cookie(portalCookie("token-alice"))).andExpect(status().isNotFound());

        assertThat(CALLS.get()).as("validated once, then cached").isEqualTo(1);
        assertThat(REQUESTS.get(0)).isEqualTo("POST /api/internal/auth/validate Bearer portal-internal-key "
                + "{\"token\":\"token-alice\"}");
    }

    @Test
    void withoutACookieBrowsersGoToThePortalWithReturnTo() throws Exception {
        String location = mvc.perform(get("/org/alpha/probe").queryParam("tab", "rounds"))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).isEqualTo("https://portal.example/users/log-in?return_to="
                + "https://wrt.example/org/alpha/probe?tab%3Drounds");
        assertThat(CALLS.get()).isZero();
        mvc.perform(get("/org/alpha/probe").accept(MediaType.APPLICATION_JSON)).andExpect(status().isUnauthorized());
    }

    @Test
    void anInvalidOrDisabledSessionIsNotSignedIn() throws Exception {
        ANSWERS.put("token-expired", "401 {\"valid\":false}");
        ANSWERS.put("token-disabled", "200 {\"valid\":true,\"user\":{\"email\":\"alice@alpha.org\",\"enabled\":false}}");
        ANSWERS.put("token-odd", "200 {\"valid\":false}");
        for (String token : List.of("token-expired", "token-disabled", "token-odd")) {
            mvc.perform(get("/org/alpha/probe").cookie(portalCookie(token))).andExpect(status().isFound());
        }
    }

    @Test
    void aPortalThatFailsOrHangsMeansNotSignedInAndIsAskedAgainNextTime() throws Exception {
        ANSWERS.put("token-broken", "500 oops");
        mvc.perform(get("/org/alpha/probe").cookie(portalCookie("token-broken"))).andExpect(status().isFound());
        mvc.perform(get("/org/alpha/probe").cookie(portalCookie("token-broken"))).andExpect(status().isFound());
        assertThat(CALLS.get()).as("failures are not cached").isEqualTo(2);

        ANSWERS.put("token-slow", "SLOW");
        long started = System.nanoTime();
        mvc.perform(get("/org/alpha/probe").cookie(portalCookie("token-slow"))).andExpect(status().isFound());
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_500);
    }

    private static Cookie portalCookie(String token) {
        return new Cookie("_oostkit_token", token);
    }

    private static HttpServer startPortal() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/api/internal/auth/validate", exchange -> {
                CALLS.incrementAndGet();
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                REQUESTS.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                        + exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
                String token = body.replaceAll("^\\{\"token\":\"(.*)\"}$", "$1");
                String answer = ANSWERS.getOrDefault(token, "401 {\"valid\":false}");
                if ("SLOW".equals(answer)) {
                    sleep();
                    answer = "200 {\"valid\":true,\"user\":{\"email\":\"alice@alpha.org\",\"enabled\":true}}";
                }
                int status = Integer.parseInt(answer.substring(0, 3));
                byte[] bytes = answer.substring(4).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The organisation registry as Axon query handlers on an in-memory query bus. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Registry {

        @Bean
        QueryGateway queryGateway() {
            SimpleQueryBus bus = SimpleQueryBus.builder().build();
            new AnnotationQueryHandlerAdapter<>(new Registry()).subscribe(bus);
            return DefaultQueryGateway.builder().queryBus(bus).build();
        }

        @QueryHandler
        List<OrganisationView> handle(FindOrganisationsOfMember query) {
            OrganisationView alpha = new OrganisationView(OrganisationId.random(), "alpha", "Alpha",
                    OrganisationStatus.ACTIVE, List.of("alice@alpha.org"), List.of(), Instant.now(), java.time.ZoneOffset.UTC);
            OrganisationView beta = new OrganisationView(OrganisationId.random(), "beta", "Beta",
                    OrganisationStatus.ACTIVE, List.of("bob@beta.org"), List.of(), Instant.now(), java.time.ZoneOffset.UTC);
            return List.of(alpha, beta).stream().filter(o -> o.isAdmin(query.email()) || o.isAuditor(query.email()))
                    .toList();
        }
    }
}
