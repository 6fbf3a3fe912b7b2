package org.oostkit.wrt.web.entry;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalSlugFilterTest {

    private final CanonicalSlugFilter filter = new CanonicalSlugFilter();

    private MockHttpServletResponse run(String method, String uri, String query, MockFilterChain chain) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        request.setQueryString(query);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }

    @Test
    void anUpperCaseSlugIsSentToTheCanonicalAddressWithItsPathAndQuery() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = run("GET", "/org/ACME/nominate/Tok_EN-1", "a=B", chain);

        assertThat(response.getStatus()).isEqualTo(308);
        assertThat(response.getHeader("Location")).isEqualTo("/org/acme/nominate/Tok_EN-1?a=B");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void aFormPostKeepsItsMethodThroughA308() throws Exception {
        MockHttpServletResponse response = run("POST", "/org/Acme", null, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(308);
        assertThat(response.getHeader("Location")).isEqualTo("/org/acme");
    }

    @Test
    void canonicalAndOtherPathsPassThrough() throws Exception {
        for (String uri : new String[]{"/org/acme/campaigns", "/login", "/ORG/acme", "/org/ACME_x/y"}) {
            MockFilterChain chain = new MockFilterChain();
            MockHttpServletResponse response = run("GET", uri, null, chain);

            assertThat(response.getStatus()).as(uri).isEqualTo(200);
            assertThat(chain.getRequest()).as(uri).isNotNull();
        }
    }
}
