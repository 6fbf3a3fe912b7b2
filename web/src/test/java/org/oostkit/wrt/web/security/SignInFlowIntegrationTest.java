package org.oostkit.wrt.web.security;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.organisation.OrganisationCommands.ChangeOrganisationMembers;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.web.support.RecordingMail.SignInLink;
import org.oostkit.wrt.web.support.WebIntegrationTestSupport;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MvcResult;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** Standalone sign-in end to end: real application, PostgreSQL, the link as mailed. */
class SignInFlowIntegrationTest extends WebIntegrationTestSupport {

    @Test
    void anAdminSignsInWithTheMailedLinkOnceAndLandsOnTheStartPage() throws Exception {
        String slug = uniqueSlug("signin");
        String admin = slug + "-admin@example.org";
        register(slug, List.of(admin), List.of());

        mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(view().name(LoginController.FORM));
        mvc.perform(post("/login").param("email", "  " + admin.toUpperCase() + " ").with(csrf()))
                .andExpect(status().isOk()).andExpect(view().name(LoginController.SENT));

        SignInLink mailed = mail.awaitSignInLink(admin, 0);
        assertThat(mailed.link().toString()).startsWith("https://wrt.test/login/");
        assertThat(mailed.expiresAt()).isCloseTo(Instant.now().plus(Duration.ofMinutes(15)), within(Duration.ofMinutes(1)));
        String token = mailed.link().getPath().substring("/login/".length());

        // only the keyed hash is stored
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sign_in_link WHERE token_hash = ?", Integer.class, token))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sign_in_link WHERE email = ?", Integer.class, admin))
                .isEqualTo(1);

        // opening the link (twice, as a mail scanner would) uses nothing up
        mvc.perform(get("/login/" + token)).andExpect(view().name(LoginController.CONFIRM));
        mvc.perform(get("/login/" + token)).andExpect(view().name(LoginController.CONFIRM));

        MockHttpSession before = new MockHttpSession();
        MvcResult signedIn = mvc.perform(post("/login/" + token).session(before).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/")).andReturn();
        MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession(false);
        assertThat(session).isNotNull();
        assertThat(before.isInvalid()).as("the earlier session is gone (fixation)").isTrue();
        assertThat(session.getId()).isNotEqualTo(before.getId());
        Authentication authentication = ((SecurityContext) session.getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)).getAuthentication();
        assertThat(authentication.getName()).isEqualTo(admin);
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("org:" + slug + ":admin");

        // the start page shows the landing page of the organisation
        mvc.perform(get("/").session(session)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Organisation " + slug)));
        mvc.perform(get("/org/" + slug + "/probe").session(session)).andExpect(status().isOk());

        // the link works once
        mvc.perform(post("/login/" + token).with(csrf())).andExpect(view().name(LoginController.EXPIRED));
        mvc.perform(get("/login/" + token)).andExpect(view().name(LoginController.EXPIRED))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Send me a new link")));

        // signing out ends the session
        mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?signed-out"));
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void aRoleTakenAwayByTheOperatorEndsWithinTheRefreshInterval() throws Exception {
        String slug = uniqueSlug("revoked");
        String admin = slug + "-admin@example.org";
        OrganisationId id = register(slug, List.of(admin, slug + "-other@example.org"), List.of());
        mvc.perform(post("/login").param("email", admin).with(csrf())).andExpect(status().isOk());
        String token = mail.awaitSignInLink(admin, 0).link().getPath().substring("/login/".length());
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/login/" + token).with(csrf()))
                .andReturn().getRequest().getSession(false);
        mvc.perform(get("/org/" + slug + "/probe").session(session)).andExpect(status().isOk());

        commands.sendAndWait(new ChangeOrganisationMembers(id, List.of(slug + "-other@example.org"), List.of()));
        awaitRegistry("SELECT count(*) FROM tenant WHERE slug = ? AND NOT (? = ANY (admin_emails))", slug, admin);
        // within the interval the session keeps its roles; once it has passed they are looked up again
        mvc.perform(get("/org/" + slug + "/probe").session(session)).andExpect(status().isOk());
        SecurityContext context = (SecurityContext) session.getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        context.setAuthentication(new SignedInMember(admin, context.getAuthentication().getAuthorities(),
                Instant.now().minus(MembershipRefreshFilter.INTERVAL).minusSeconds(1)));

        mvc.perform(get("/org/" + slug + "/probe").session(session)).andExpect(status().isNotFound());
        mvc.perform(get("/").session(session)).andExpect(view().name("entry/no-organisation"));
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() throws Exception {
        String stranger = uniqueSlug("stranger") + "@example.org";
        String known = uniqueSlug("known");
        register(known, List.of(known + "@example.org"), List.of());

        String unknownPage = mvc.perform(post("/login").param("email", stranger).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String knownPage = mvc.perform(post("/login").param("email", known + "@example.org").with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        mail.awaitSignInLink(known + "@example.org", 0);

        assertThat(withoutCsrf(unknownPage.replace(stranger, "X")))
                .isEqualTo(withoutCsrf(knownPage.replace(known + "@example.org", "X")));
        assertThat(mail.signInLinksTo(stranger)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sign_in_link WHERE email = ?", Integer.class, stranger))
                .isZero();
    }

    private static String withoutCsrf(String page) {
        return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"");
    }

    @Test
    void onePersonGetsAtMostThreeUnusedLinksAtOnce() throws Exception {
        String slug = uniqueSlug("flood");
        String admin = slug + "@example.org";
        register(slug, List.of(admin), List.of());
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").param("email", admin).with(csrf())).andExpect(status().isOk());
        }
        mail.awaitSignInLink(admin, SignInMailer.MAX_OUTSTANDING - 1);
        // the requests are handled off the request thread: give the last ones their chance, none may add a link
        Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> mail.signInLinksTo(admin).size() == SignInMailer.MAX_OUTSTANDING);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sign_in_link WHERE email = ?", Integer.class, admin))
                .isEqualTo(SignInMailer.MAX_OUTSTANDING);
    }

    @Test
    void anAuditorGetsALinkAndTheAuditorRole() throws Exception {
        String slug = uniqueSlug("audit");
        String auditor = slug + "-auditor@example.org";
        register(slug, List.of(slug + "-admin@example.org"), List.of(auditor));

        mvc.perform(post("/login").param("email", auditor).with(csrf())).andExpect(status().isOk());
        String token = mail.awaitSignInLink(auditor, 0).link().getPath().substring("/login/".length());
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/login/" + token).with(csrf()))
                .andReturn().getRequest().getSession(false);

        mvc.perform(get("/org/" + slug + "/probe").session(session)).andExpect(status().isOk());
        mvc.perform(post("/org/" + slug + "/probe").session(session).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void anExpiredLinkShowsAPageToAskForANewOne() throws Exception {
        String slug = uniqueSlug("expired");
        String admin = slug + "@example.org";
        register(slug, List.of(admin), List.of());
        mvc.perform(post("/login").param("email", admin).with(csrf())).andExpect(status().isOk());
        String token = mail.awaitSignInLink(admin, 0).link().getPath().substring("/login/".length());
        jdbc.update("UPDATE sign_in_link SET expires_at = ? WHERE email = ?",
                Timestamp.from(Instant.now().minusSeconds(1)), admin);

        mvc.perform(get("/login/" + token)).andExpect(view().name(LoginController.EXPIRED));
        mvc.perform(post("/login/" + token).with(csrf())).andExpect(view().name(LoginController.EXPIRED));
        mvc.perform(get("/login/not-a-token")).andExpect(view().name(LoginController.EXPIRED));
    }

    @Test
    void aBadAddressIsAnsweredOnTheFormWithTheInputKept() throws Exception {
        mvc.perform(post("/login").param("email", "not an address").with(csrf()))
                .andExpect(status().isOk()).andExpect(view().name(LoginController.FORM))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("does not look like an email")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"not an address\"")));
    }

    @Test
    void signingInNeedsTheFormsCsrfToken() throws Exception {
        mvc.perform(post("/login").param("email", "someone@example.org")).andExpect(status().isForbidden());
    }
}
