package org.oostkit.wrt.web.entry;

import jakarta.servlet.http.Cookie;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.organisation.OrganisationStatus;
import org.oostkit.wrt.query.api.OrganisationQueries.FindOrganisationsOfMember;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.web.security.SecurityConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.List;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The way in at {@code /}, for each kind of person, over an in-memory organisation registry. */
@WebMvcTest(EntryController.class)
@Import({SecurityConfiguration.class, EntryControllerTest.Registry.class})
class EntryControllerTest {

    @Autowired
    MockMvc mvc;

    @Test
    void anonymousVisitorsAreSentToSignIn() throws Exception {
        mvc.perform(get("/")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void someoneWithoutAnOrganisationGetsAnExplanation() throws Exception {
        mvc.perform(get("/").with(user("nobody@example.org").authorities(List.of())))
                .andExpect(status().isOk()).andExpect(view().name(EntryController.NO_ORGANISATION))
                .andExpect(content().string(containsString("nobody@example.org")));
    }

    @Test
    void aMemberOfASuspendedOrganisationGetsAnExplanation() throws Exception {
        mvc.perform(get("/").with(user("carol@sleepy.org").authorities(new SimpleGrantedAuthority("org:sleepy:admin"))))
                .andExpect(view().name(EntryController.INACTIVE))
                .andExpect(content().string(allOf(containsString("Sleepy"), containsString("suspended"))));
    }

    @Test
    void anAdminOfOneActiveOrganisationSeesTheLandingPageUntilTheyDismissIt() throws Exception {
        var alice = user("alice@alpha.org").authorities(new SimpleGrantedAuthority("org:alpha:admin"));
        mvc.perform(get("/").with(alice)).andExpect(view().name(EntryController.LANDING))
                .andExpect(content().string(allOf(containsString("Continue to Alpha"),
                        containsString("Don't show this again"), containsString("name=\"_csrf\""))));

        mvc.perform(post("/dismiss-landing").param("slug", "alpha").with(csrf()).with(alice))
                .andExpect(redirectedUrl("/org/alpha/manage")).andExpect(cookie().doesNotExist("wrt_skip_landing"));
        mvc.perform(post("/dismiss-landing").param("slug", "alpha").param("skip", "1").with(csrf()).with(alice))
                .andExpect(redirectedUrl("/org/alpha/manage"))
                .andExpect(cookie().value("wrt_skip_landing", "1"))
                .andExpect(cookie().maxAge("wrt_skip_landing", 365 * 24 * 3600))
                .andExpect(cookie().httpOnly("wrt_skip_landing", true))
                .andExpect(header().string("Set-Cookie", containsString("SameSite=Lax")));

        mvc.perform(get("/").cookie(new Cookie("wrt_skip_landing", "1")).with(alice))
                .andExpect(redirectedUrl("/org/alpha/manage"));
    }

    @Test
    void dismissingForAnotherOrganisationGoesNowhere() throws Exception {
        mvc.perform(post("/dismiss-landing").param("slug", "beta").param("skip", "1").with(csrf())
                        .with(user("alice@alpha.org").authorities(new SimpleGrantedAuthority("org:alpha:admin"))))
                .andExpect(redirectedUrl("/")).andExpect(cookie().doesNotExist("wrt_skip_landing"));
    }

    @Test
    void someoneInSeveralOrganisationsChooses() throws Exception {
        mvc.perform(get("/").with(user("dana@example.org").authorities(new SimpleGrantedAuthority("org:alpha:auditor"),
                        new SimpleGrantedAuthority("org:sleepy:admin"))))
                .andExpect(view().name(EntryController.CHOOSE))
                .andExpect(content().string(allOf(containsString("href=\"/org/alpha/manage\""),
                        containsString("href=\"/org/sleepy/manage\""), containsString("auditor"),
                        containsString("suspended"))));
    }

    @Test
    void anOrganisationTheSessionHasNoRoleInIsNotOffered() throws Exception {
        // the registry lists dana in beta too, but her session was granted before: she signs in again to see it
        mvc.perform(get("/").with(user("dana@example.org").authorities(new SimpleGrantedAuthority("org:alpha:auditor"))))
                .andExpect(view().name(EntryController.LANDING))
                .andExpect(content().string(containsString("You are auditor of <strong>Alpha</strong>")));
    }

    /** The organisation registry as Axon query handlers on an in-memory query bus. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Registry {

        static final List<OrganisationView> ALL = List.of(
                new OrganisationView(OrganisationId.random(), "alpha", "Alpha", OrganisationStatus.ACTIVE,
                        List.of("alice@alpha.org"), List.of("dana@example.org"), Instant.now(), java.time.ZoneOffset.UTC),
                new OrganisationView(OrganisationId.random(), "beta", "Beta", OrganisationStatus.ACTIVE,
                        List.of("bob@beta.org", "dana@example.org"), List.of(), Instant.now(), java.time.ZoneOffset.UTC),
                new OrganisationView(OrganisationId.random(), "sleepy", "Sleepy", OrganisationStatus.SUSPENDED,
                        List.of("carol@sleepy.org", "dana@example.org"), List.of(), Instant.now(), java.time.ZoneOffset.UTC));

        @Bean
        QueryGateway queryGateway() {
            SimpleQueryBus bus = SimpleQueryBus.builder().build();
            new AnnotationQueryHandlerAdapter<>(new Registry()).subscribe(bus);
            return DefaultQueryGateway.builder().queryBus(bus).build();
        }

        @QueryHandler
        List<OrganisationView> handle(FindOrganisationsOfMember query) {
            return ALL.stream().filter(o -> o.isAdmin(query.email()) || o.isAuditor(query.email())).toList();
        }
    }
}
