package org.oostkit.wrt.web.security;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.web.support.WebIntegrationTestSupport;
import org.springframework.http.MediaType;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** Security headers on every answer, and errors as pages for people and problem documents for programs. */
class SecurityHeadersAndErrorsTest extends WebIntegrationTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    org.oostkit.wrt.web.metrics.WrtMetrics metrics;

    @Test
    void everyPageCarriesTheSecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", containsString("style-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
                .andExpect(header().doesNotExist("Strict-Transport-Security"));
    }

    @Test
    @org.junit.jupiter.api.DisplayName("every chain writes its headers before the request is handled, never from "
            + "a live page's event thread")
    void headersAreWrittenEagerly(@org.springframework.beans.factory.annotation.Autowired
                                  org.springframework.security.web.FilterChainProxy chains) {
        java.util.List<org.springframework.security.web.header.HeaderWriterFilter> writers =
                chains.getFilterChains().stream().flatMap(chain -> chain.getFilters().stream())
                        .filter(org.springframework.security.web.header.HeaderWriterFilter.class::isInstance)
                        .map(org.springframework.security.web.header.HeaderWriterFilter.class::cast).toList();
        org.assertj.core.api.Assertions.assertThat(writers).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(writer -> org.assertj.core.api.Assertions.assertThat(
                        org.springframework.test.util.ReflectionTestUtils.getField(writer,
                                "shouldWriteHeadersEagerly")).isEqualTo(true));
    }

    @Test
    void nominatorPagesSendNoReferrer() throws Exception {
        mvc.perform(get("/org/alpha/nominate/some-token"))
                .andExpect(header().string("Referrer-Policy", "no-referrer"));
    }

    @Test
    void hstsOnlyOverTls() throws Exception {
        mvc.perform(get("/login").secure(true))
                .andExpect(header().string("Strict-Transport-Security", containsString("max-age=31536000")));
        mvc.perform(get("/login").header("X-Forwarded-Proto", "https"))
                .andExpect(header().doesNotExist("Strict-Transport-Security"));
    }

    @Test
    void theOperatorApiAndWebhooksCarryTheHeadersToo() throws Exception {
        mvc.perform(get("/api/operator/organisations"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void anUnknownAddressIsAPageForBrowsersAndAProblemForPrograms() throws Exception {
        mvc.perform(get("/css/nothing-here.css").accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound()).andExpect(view().name("error/page"))
                .andExpect(content().string(containsString("Page not found")));
        mvc.perform(get("/css/nothing-here.css").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void aWrongMethodIs405WithAllow() throws Exception {
        mvc.perform(post("/health").with(csrf()).accept(MediaType.TEXT_HTML))
                .andExpect(status().isMethodNotAllowed()).andExpect(header().string("Allow", containsString("GET")))
                .andExpect(view().name("error/page"));
        mvc.perform(post("/health").with(csrf()).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aFailureIsAPlainPageWithoutInternals() throws Exception {
        mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/boom")
                        .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret internals"))
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isInternalServerError())
                .andExpect(content().string(containsString("Something went wrong")))
                .andExpect(content().string(not(containsString("secret internals"))))
                .andExpect(content().string(not(containsString("IllegalStateException"))));
        mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/operator/organisations")
                        .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret internals")))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().string(not(containsString("secret internals"))));
        mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 429).accept(MediaType.TEXT_HTML))
                .andExpect(status().isTooManyRequests()).andExpect(content().string(containsString("Too many requests")));
    }

    @Test
    void aStaleFormIsRefusedWithAnExplanation() throws Exception {
        mvc.perform(post("/org/alpha/probe").with(csrf().useInvalidToken())
                        .with(user("a@alpha.org").authorities(() -> "org:alpha:admin")))
                .andExpect(status().isForbidden());
    }

    @Test
    void signedInPagesNeedASignIn() throws Exception {
        mvc.perform(get("/signed-in/probe")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/signed-in/probe").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/signed-in/probe").with(user("a@alpha.org"))).andExpect(status().isOk());
    }

    @Test
    void prometheusIsExposedWithTheBusinessCounters() throws Exception {
        metrics.signInLinkIssued();
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("wrt_projection_lag")))
                .andExpect(content().string(containsString("wrt_projection_dead_letters")))
                .andExpect(content().string(containsString("wrt_sign_in_links_issued_total")));
        mvc.perform(get("/actuator/env")).andExpect(status().is4xxClientError());
    }
}
