package org.oostkit.wrt.web.error;

import org.springframework.test.web.servlet.MvcResult;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.web.support.WebIntegrationTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Walks every admin page of a campaign (read from the handler mappings, so pages added later are covered)
 * with an unknown campaign, an unknown round and a malformed id: a browser gets the HTML error page with a
 * way back, a program asking for JSON gets a problem document; never raw JSON for a person.
 */
class ErrorNegotiationTest extends WebIntegrationTestSupport {

    private static final String BROWSER_ACCEPT =
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private String slug;
    private CampaignId campaign;

    @BeforeEach
    void organisationWithACampaign() {
        slug = uniqueSlug("errors");
        OrganisationId organisation = register(slug, List.of("admin@errors.org"), List.of());
        campaign = wrt().campaign(organisation, Actor.admin("admin@errors.org"));
        awaitProjections();
    }

    private RequestPostProcessor admin() {
        return user("admin@errors.org").authorities(new SimpleGrantedAuthority("org:" + slug + ":admin"));
    }

    /** Every GET page below a campaign, as a pattern (JSON only: leaves out event streams, which answer 406). */
    private Set<String> campaignPages(boolean json) {
        Set<String> pages = new TreeSet<>();
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                continue;
            }
            Set<MediaType> produces = info.getProducesCondition().getProducibleMediaTypes();
            // an event stream, or a page that only comes as HTML (a framed mail preview): no JSON to negotiate
            boolean htmlOnly = !produces.isEmpty()
                    && produces.stream().noneMatch(MediaType.APPLICATION_JSON::isCompatibleWith);
            if (json && (produces.contains(MediaType.TEXT_EVENT_STREAM) || htmlOnly)) {
                continue;
            }
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                if (pattern.startsWith("/org/{slug}/campaigns/{id}")) {
                    pages.add(pattern);
                }
            }
        }
        return pages;
    }

    private String path(String pattern, String campaignId, String round) {
        return pattern.replace("{slug}", slug).replace("{id}", campaignId).replace("{number}", round)
                .replace("{importId}", UUID.randomUUID().toString())
                .replace("{personId}", UUID.randomUUID().toString()).replace("{person}", UUID.randomUUID().toString())
                .replace("{kind}", "invitation");
    }

    private List<String> unknownAddresses(boolean json) {
        List<String> paths = new java.util.ArrayList<>();
        for (String pattern : campaignPages(json)) {
            paths.add(path(pattern, UUID.randomUUID().toString(), "1"));
            paths.add(path(pattern, "not-a-campaign", "1"));
            if (pattern.contains("{number}")) {
                paths.add(path(pattern, campaign.toString(), "99"));
                paths.add(path(pattern, campaign.toString(), "two"));
            }
        }
        return paths;
    }

    @Test
    void theWalkCoversCampaignsAndRounds() {
        assertThat(campaignPages(true)).contains("/org/{slug}/campaigns/{id}", "/org/{slug}/campaigns/{id}/results",
                "/org/{slug}/campaigns/{id}/audit", "/org/{slug}/campaigns/{id}/rounds/{number}");
    }

    @Test
    void aBrowserGetsTheErrorPageWithAWayBack() throws Exception {
        for (String path : unknownAddresses(false)) {
            MockHttpServletResponse response = mvc.perform(get(path).header("Accept", BROWSER_ACCEPT).with(admin()))
                    .andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(404);
            assertThat(response.getContentType()).as(path).startsWith(MediaType.TEXT_HTML_VALUE);
            assertThat(response.getContentAsString()).as(path)
                    .contains("Page not found")
                    .contains("href=\"/org/" + slug + "/manage\"")
                    .doesNotContain("about:blank");
        }
    }

    @Test
    void aJsonClientGetsAProblemDocument() throws Exception {
        for (String accept : List.of(MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)) {
            for (String path : unknownAddresses(true)) {
                MockHttpServletResponse response = mvc.perform(get(path).header("Accept", accept).with(admin()))
                        .andReturn().getResponse();
                assertThat(response.getStatus()).as(accept + " " + path).isEqualTo(404);
                assertThat(response.getContentType()).as(accept + " " + path)
                        .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                assertThat(response.getContentAsString()).as(path).contains("\"status\":404");
            }
        }
    }

    @Test
    void aFormWithoutItsRequiredFieldIsAPageForABrowserAndAProblemForAProgram() throws Exception {
        String confirm = "/org/" + slug + "/campaigns/" + campaign + "/seed/confirm";
        MockHttpServletResponse page = mvc.perform(post(confirm).with(csrf()).header("Accept", BROWSER_ACCEPT)
                .with(admin())).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(400);
        assertThat(page.getContentType()).startsWith(MediaType.TEXT_HTML_VALUE);
        assertThat(page.getContentAsString()).contains("Request not understood").doesNotContain("about:blank");
        MockHttpServletResponse problem = mvc.perform(post(confirm).with(csrf())
                .header("Accept", MediaType.APPLICATION_JSON_VALUE).with(admin())).andReturn().getResponse();
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    }

    @Test
    void anAdminWhoseFormWentStaleIsToldSoInTheirLanguage() throws Exception {
        String create = "/org/" + slug + "/campaigns/new";
        MvcResult refused = mvc.perform(post(create).with(csrf().useInvalidToken()).param("name", "Harbour")
                .header("Accept", BROWSER_ACCEPT).with(admin())).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(403);
        assertThat(refused.getRequest().getAttribute(ErrorResponses.STALE_FORM)).isEqualTo(Boolean.TRUE);
        // the container's error dispatch, which MockMvc does not make (the browser journey goes through a real one)
        for (String language : List.of("en", "nl")) {
            String page = mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 403)
                            .requestAttr(ErrorResponses.STALE_FORM, true).header("Accept", BROWSER_ACCEPT)
                            .header("Accept-Language", language).with(admin()))
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains(language.equals("en") ? "This form has expired" : "Dit formulier is verlopen")
                    .doesNotContain("read-only").doesNotContain("alleen-lezen");
        }
        // a program gets the problem document with the reason in its detail
        MockHttpServletResponse problem = mvc.perform(post(create).with(csrf().useInvalidToken())
                .header("Accept", MediaType.APPLICATION_JSON_VALUE).with(admin())).andReturn().getResponse();
        assertThat(problem.getStatus()).isEqualTo(403);
        assertThat(problem.getContentAsString()).contains("expired");
    }

    @Test
    void anAuditorRefusedAChangeSeesAPage() throws Exception {
        RequestPostProcessor auditor = user("auditor@errors.org")
                .authorities(new SimpleGrantedAuthority("org:" + slug + ":auditor"));
        MockHttpServletResponse response = mvc.perform(get("/org/" + slug + "/campaigns/new")
                        .header("Accept", BROWSER_ACCEPT).with(auditor))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentType()).startsWith(MediaType.TEXT_HTML_VALUE);
        assertThat(response.getContentAsString()).contains("Not allowed");
    }
}
