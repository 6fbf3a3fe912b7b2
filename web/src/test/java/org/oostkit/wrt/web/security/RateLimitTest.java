package org.oostkit.wrt.web.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.web.metrics.WrtMetrics;
import org.oostkit.wrt.web.support.ProbeRoutes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The per-IP limits in front of everything: counted per limit and address, 429 with Retry-After, metered. */
@WebMvcTest(controllers = ProbeRoutes.Probe.class, properties = {
        "wrt.rate-limits.sign-in=3", "wrt.rate-limits.code-request=3", "wrt.rate-limits.code-verify=3",
        "wrt.rate-limits.submit=10", "wrt.rate-limits.general=20"})
@Import({SecurityConfiguration.class, RateLimitConfiguration.class, ProbeRoutes.class, RateLimitTest.Metrics.class})
class RateLimitTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    MeterRegistry registry;

    @Test
    void theFourthSignInRequestInAMinuteIsRefused() throws Exception {
        for (int i = 0; i < 3; i++) {
            int status = mvc.perform(post("/login").param("email", "a@example.org").with(csrf()).with(ip("10.0.0.1")))
                    .andReturn().getResponse().getStatus();
            assertThat(status).isNotEqualTo(429);
        }
        String retryAfter = mvc.perform(post("/login").param("email", "a@example.org").with(csrf()).with(ip("10.0.0.1")))
                .andExpect(status().isTooManyRequests())
                .andReturn().getResponse().getHeader("Retry-After");
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 60L);
        // another address has its own allowance; other routes count against their own limit
        assertThat(mvc.perform(post("/login").with(csrf()).with(ip("10.0.0.2"))).andReturn().getResponse().getStatus())
                .isNotEqualTo(429);
        assertThat(mvc.perform(get("/org/a/nominate/probe").with(ip("10.0.0.1"))).andReturn().getResponse().getStatus())
                .isNotEqualTo(429);
        assertThat(registry.counter("wrt.rate.limited", "limit", "sign-in").count()).isEqualTo(1.0);
    }

    @Test
    void nominatorCodeRequestsAndVerificationsHaveTheirOwnLimits() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/org/acme/nominate/request-link").with(csrf()).with(ip("10.0.1.1")));
            mvc.perform(post("/org/acme/nominate/verify/code").with(csrf()).with(ip("10.0.1.1")));
        }
        mvc.perform(post("/org/acme/nominate/request-link").with(csrf()).with(ip("10.0.1.1")))
                .andExpect(status().isTooManyRequests());
        mvc.perform(post("/org/other/nominate/verify/code").with(csrf()).with(ip("10.0.1.1")))
                .andExpect(status().isTooManyRequests());
        for (int i = 0; i < 10; i++) {
            assertThat(mvc.perform(post("/org/acme/nominate/submit").with(csrf()).with(ip("10.0.1.1")))
                    .andReturn().getResponse().getStatus()).isNotEqualTo(429);
        }
        mvc.perform(post("/org/acme/nominate/submit").with(csrf()).with(ip("10.0.1.1")))
                .andExpect(status().isTooManyRequests());
    }

    @Test
    void aLimitedNominatorStepKeepsWhatWasTypedSaysWhenAndLinksBackToThatStep() throws Exception {
        String token = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/org/acme/nominate/request-link").with(csrf()).with(ip("10.0.3.1")));
            mvc.perform(post("/org/acme/nominate/verify/code").with(csrf()).with(ip("10.0.3.1")));
        }
        String landing = mvc.perform(post("/org/acme/nominate/request-link").with(csrf()).with(ip("10.0.3.1"))
                        .param("token", token).param("email", "nora@office.example"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn().getResponse().getContentAsString();
        assertThat(landing).contains("value=\"nora@office.example\"")
                .contains("name=\"token\" value=\"" + token + "\"")
                .contains("action=\"/org/acme/nominate/request-link\"")
                .contains("href=\"/org/acme/nominate/" + token + "\"")
                .containsPattern("Please try again in (a second|[0-9]+ seconds|a minute)\\.")
                .doesNotContain("/login");
        String code = mvc.perform(post("/org/acme/nominate/verify/code").with(csrf()).with(ip("10.0.3.1"))
                        .param("code", "123456"))
                .andExpect(status().isTooManyRequests())
                .andReturn().getResponse().getContentAsString();
        assertThat(code).contains("name=\"code\" value=\"123456\"")
                .contains("action=\"/org/acme/nominate/verify/code\"")
                .contains("href=\"/org/acme/nominate/verify\"")
                .contains("name=\"_csrf\"")
                .doesNotContain("/login");
    }

    @Test
    void retryAfterInWords() {
        assertThat(LimitedStepPage.inWords(1, Locale.ENGLISH)).isEqualTo("Please try again in a second.");
        assertThat(LimitedStepPage.inWords(42, Locale.ENGLISH)).isEqualTo("Please try again in 42 seconds.");
        assertThat(LimitedStepPage.inWords(60, Locale.ENGLISH)).isEqualTo("Please try again in a minute.");
        assertThat(LimitedStepPage.inWords(61, Locale.ENGLISH)).isEqualTo("Please try again in 2 minutes.");
        assertThat(LimitedStepPage.inWords(1, Locale.GERMAN)).isEqualTo("Bitte versuchen Sie es in einer Sekunde noch einmal.");
        assertThat(LimitedStepPage.inWords(42, Locale.FRENCH)).isEqualTo("Réessayez dans 42 secondes.");
        assertThat(LimitedStepPage.inWords(60, Locale.forLanguageTag("nl"))).isEqualTo("Probeer het over een minuut opnieuw.");
        assertThat(LimitedStepPage.inWords(125, Locale.GERMAN)).isEqualTo("Bitte versuchen Sie es in 3 Minuten noch einmal.");
    }

    @Test
    void withoutACampaignThePageSpeaksTheFirstOfTheBrowsersLanguagesNominatorsAreAddressedIn() {
        assertThat(LimitedStepPage.browserLanguage("fr-CH, fr;q=0.9, en;q=0.8")).isEqualTo("fr");
        assertThat(LimitedStepPage.browserLanguage("es-ES,es;q=0.9,de;q=0.7,en;q=0.5")).isEqualTo("de");
        assertThat(LimitedStepPage.browserLanguage("en;q=0.5, NL-be")).isEqualTo("nl");
        assertThat(LimitedStepPage.browserLanguage("de;q=0, it")).isNull();
        assertThat(LimitedStepPage.browserLanguage("*")).isNull();
        assertThat(LimitedStepPage.browserLanguage("not a header;;q=x")).isNull();
        assertThat(LimitedStepPage.browserLanguage(null)).isNull();
    }

    @Test
    void theDefaultsLetALargeOfficeThroughAndStillCapAutomation() {
        RateLimitProperties defaults = new RateLimitProperties(true, 3, 60, 60, 60, 300, 100000);
        assertThat(new org.springframework.boot.context.properties.bind.Binder()
                .bindOrCreate("wrt.rate-limits", RateLimitProperties.class)).isEqualTo(defaults);
    }

    @Test
    void everythingElseSharesTheGeneralLimitButWebhooksHealthAndAssetsAreFree() throws Exception {
        for (int i = 0; i < 25; i++) {
            assertThat(mvc.perform(post("/webhooks/email/postmark").with(ip("10.0.2.1"))).andReturn().getResponse()
                    .getStatus()).isNotEqualTo(429);
            assertThat(mvc.perform(get("/health").with(ip("10.0.2.1"))).andReturn().getResponse().getStatus())
                    .isNotEqualTo(429);
            assertThat(mvc.perform(get("/css/wrt.css").with(ip("10.0.2.1"))).andReturn().getResponse().getStatus())
                    .isNotEqualTo(429);
        }
        for (int i = 0; i < 20; i++) {
            assertThat(mvc.perform(get("/org/acme/probe").with(ip("10.0.2.1"))).andReturn().getResponse().getStatus())
                    .isNotEqualTo(429);
        }
        mvc.perform(get("/api/operator/organisations").with(ip("10.0.2.1")))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(header().exists("Retry-After"));
        assertThat(registry.counter("wrt.rate.limited", "limit", "general").count()).isEqualTo(1.0);
    }

    @Test
    void routesMapToTheirLimits() {
        assertThat(RateLimitFilter.limitFor("POST", "/login")).isEqualTo("sign-in");
        assertThat(RateLimitFilter.limitFor("POST", "/login/abc")).isEqualTo("general");
        assertThat(RateLimitFilter.limitFor("GET", "/login")).isEqualTo("general");
        assertThat(RateLimitFilter.limitFor("POST", "/org/x/nominate/request-link")).isEqualTo("code-request");
        assertThat(RateLimitFilter.limitFor("POST", "/org/x/nominate/verify/code")).isEqualTo("code-verify");
        assertThat(RateLimitFilter.limitFor("POST", "/org/x/nominate/submit")).isEqualTo("submit");
        assertThat(RateLimitFilter.limitFor("POST", "/webhooks/email/sendgrid")).isNull();
        assertThat(RateLimitFilter.limitFor("GET", "/health/ready")).isNull();
        assertThat(RateLimitFilter.limitFor("GET", "/actuator/prometheus")).isEqualTo("general");
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor ip(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Metrics {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        WrtMetrics wrtMetrics(MeterRegistry registry) {
            return new WrtMetrics(registry);
        }
    }
}
