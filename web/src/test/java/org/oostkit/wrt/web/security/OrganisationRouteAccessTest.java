package org.oostkit.wrt.web.security;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.web.support.WebIntegrationTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Walks every organisation route the application has (read from the handler mappings, so routes added later
 * are covered without touching this test) and checks who gets in: another tenant's admin gets 404 on every
 * route and method, an auditor is refused (403) on every changing route, an anonymous visitor is sent to
 * sign in. The nominator pages are public and left out.
 */
class OrganisationRouteAccessTest extends WebIntegrationTestSupport {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::([^}]*))?}");
    private static final Set<String> READING = Set.of("GET", "HEAD");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    static List<Route> routes;

    record Route(String method, String pattern, boolean readOnlyAction) {
        String path(String slug) {
            Matcher matcher = VARIABLE.matcher(pattern.replace("/**", "/x").replace("/*", "/x"));
            StringBuilder path = new StringBuilder();
            while (matcher.find()) {
                String name = matcher.group(1);
                String regex = matcher.group(2);
                String value = "slug".equals(name) ? slug
                        : regex != null && regex.contains("\\d") ? "1"
                        : name.contains("num") || name.contains("round") ? "1" : "5f0c2f56-7d7b-4c55-9a3e-3c1b2a4d5e6f";
                matcher.appendReplacement(path, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(path);
            return path.toString();
        }

        MockHttpServletRequestBuilder request(String slug) {
            MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path(slug));
            return READING.contains(method) ? request : request.with(csrf());
        }
    }

    @BeforeAll
    static void reset() {
        routes = null;
    }

    private List<Route> routes() {
        if (routes == null) {
            Set<String> seen = new TreeSet<>();
            List<Route> found = new ArrayList<>();
            for (var entry : mappings.getHandlerMethods().entrySet()) {
                RequestMappingInfo info = entry.getKey();
                boolean readOnlyAction = entry.getValue().hasMethodAnnotation(ReadOnlyAction.class);
                Set<String> patterns = info.getPathPatternsCondition() != null
                        ? info.getPathPatternsCondition().getPatternValues() : info.getPatternValues();
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                List<String> names = methods.isEmpty() ? List.of("GET", "POST")
                        : methods.stream().map(RequestMethod::name).toList();
                for (String pattern : patterns) {
                    // the nominator pages and the logo they show are public (theNominatorPagesArePublic)
                    if (!pattern.startsWith("/org/{slug}") || pattern.startsWith("/org/{slug}/nominate")
                            || pattern.equals("/org/{slug}/logo.png")) {
                        continue;
                    }
                    for (String method : names) {
                        if (seen.add(method + " " + pattern)) {
                            found.add(new Route(method, pattern, readOnlyAction));
                        }
                    }
                }
            }
            routes = found;
        }
        return routes;
    }

    @Test
    void theWalkFindsOrganisationRoutesOfEveryKind() {
        assertThat(routes()).extracting(Route::method).contains("GET", "POST", "PUT", "DELETE");
    }

    @Test
    void anotherTenantsAdminFindsNothingOnAnyRoute() throws Exception {
        for (Route route : routes()) {
            int status = mvc.perform(route.request("beta").with(user("admin@alpha.org")
                            .authorities(new SimpleGrantedAuthority("org:alpha:admin"),
                                    new SimpleGrantedAuthority("org:alpha:auditor"))))
                    .andReturn().getResponse().getStatus();
            assertThat(status).as(route.method() + " " + route.path("beta")).isEqualTo(404);
        }
    }

    @Test
    void aSignedInPersonWithoutAnyRoleFindsNothing() throws Exception {
        for (Route route : routes()) {
            int status = mvc.perform(route.request("alpha").with(user("nobody@example.org").authorities(List.of())))
                    .andReturn().getResponse().getStatus();
            assertThat(status).as(route.method() + " " + route.path("alpha")).isEqualTo(404);
        }
    }

    @Test
    void anAuditorChangesNothing() throws Exception {
        for (Route route : routes()) {
            if (READING.contains(route.method()) || route.readOnlyAction()) {
                continue;
            }
            int status = mvc.perform(route.request("alpha").with(user("auditor@alpha.org")
                            .authorities(new SimpleGrantedAuthority("org:alpha:auditor"))))
                    .andReturn().getResponse().getStatus();
            assertThat(status).as(route.method() + " " + route.path("alpha")).isEqualTo(403);
        }
    }

    @Test
    void anAuditorMayUseTheActionsMarkedReadOnly() throws Exception {
        List<Route> marked = routes().stream().filter(Route::readOnlyAction).toList();
        assertThat(marked).isNotEmpty();
        for (Route route : marked) {
            int status = mvc.perform(route.request("alpha").with(user("auditor@alpha.org")
                            .authorities(new SimpleGrantedAuthority("org:alpha:auditor"))))
                    .andReturn().getResponse().getStatus();
            // the probe route always answers; a real route may answer 404 for the made-up campaign id it gets
            assertThat(status).as(route.method() + " " + route.path("alpha"))
                    .isNotIn(route.path("alpha").contains("/probe") ? new Integer[]{401, 403, 404} : new Integer[]{401, 403});
            int other = mvc.perform(route.request("beta").with(user("auditor@alpha.org")
                            .authorities(new SimpleGrantedAuthority("org:alpha:auditor"))))
                    .andReturn().getResponse().getStatus();
            assertThat(other).as("another tenant: " + route.method() + " " + route.path("beta")).isEqualTo(404);
        }
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() throws Exception {
        for (Route route : routes()) {
            var response = mvc.perform(route.request("alpha")).andReturn().getResponse();
            assertThat(response.getStatus()).as(route.method() + " " + route.path("alpha")).isEqualTo(302);
            assertThat(response.getRedirectedUrl()).isEqualTo("/login");
        }
    }

    @Test
    void anAuditorReadsAndAnAdminChangesTheirOwnOrganisation() throws Exception {
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/org/alpha/probe").with(user("auditor@alpha.org")
                .authorities(new SimpleGrantedAuthority("org:alpha:auditor")))).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        assertThat(mvc.perform(MockMvcRequestBuilders.post("/org/alpha/probe").with(csrf()).with(user("admin@alpha.org")
                .authorities(new SimpleGrantedAuthority("org:alpha:admin")))).andReturn().getResponse().getStatus())
                .isEqualTo(200);
    }

    @Test
    void theNominatorPagesArePublic() throws Exception {
        assertThat(mvc.perform(MockMvcRequestBuilders.post("/org/alpha/nominate/probe").with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
        // no logo uploaded: not found, rather than sent to sign in
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/org/alpha/logo.png")).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
    }
}
