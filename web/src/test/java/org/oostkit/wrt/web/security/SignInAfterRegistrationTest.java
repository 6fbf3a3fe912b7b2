package org.oostkit.wrt.web.security;

import org.junit.jupiter.api.Test;
import org.oostkit.wrt.web.support.WebIntegrationTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An admin who asks for a sign-in link the moment the operator has registered the organisation gets it: the
 * operator API answers only once the member list knows the organisation's people.
 */
class SignInAfterRegistrationTest extends WebIntegrationTestSupport {

    @Autowired
    SignInMailer signInMailer;
    @Autowired
    Members members;

    @Test
    void theFirstAdminCanSignInRightAfterTheOperatorRegisteredTheOrganisation() throws Exception {
        String slug = uniqueSlug("fresh");
        String admin = slug + "-admin@example.org";
        String auditor = slug + "-auditor@example.org";
        mvc.perform(post("/api/operator/organisations").header("Authorization", "Bearer " + OPERATOR_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"slug\":\"" + slug + "\",\"name\":\"Fresh\",\"adminEmails\":[\"" + admin + "\"],"
                                + "\"auditorEmails\":[\"" + auditor + "\"]}"))
                .andExpect(status().isCreated());

        // at the moment of the answer, both are members (what the sign-in looks up)
        assertThat(members.organisationsOf(admin)).extracting(o -> o.slug()).containsExactly(slug);
        assertThat(members.organisationsOf(auditor)).extracting(o -> o.slug()).containsExactly(slug);

        // the link is sent to the admin who asks at once
        signInMailer.sendIfMember(admin);
        assertThat(mail.signInLinksTo(admin)).hasSize(1);

        // and by the sign-in page, as a browser would
        mvc.perform(post("/login").param("email", auditor).with(csrf())).andExpect(status().isOk());
        assertThat(mail.awaitSignInLink(auditor, 0).link().toString()).startsWith("https://wrt.test/login/");
    }
}
