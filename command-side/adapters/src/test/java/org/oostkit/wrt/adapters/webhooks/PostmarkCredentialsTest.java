package org.oostkit.wrt.adapters.webhooks;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Postmark webhook credentials")
class PostmarkCredentialsTest {

    private final PostmarkCredentials credentials = new PostmarkCredentials("postmark", "s3cret:with:colons");

    @Test
    @DisplayName("accept exactly the configured basic credentials")
    void basic() {
        assertThat(credentials.accept(basic("postmark:s3cret:with:colons"))).isTrue();
        assertThat(credentials.accept("basic " + encode("postmark:s3cret:with:colons"))).isTrue();
        assertThat(credentials.accept(basic("postmark:s3cret:with:colon"))).isFalse();
        assertThat(credentials.accept(basic("Postmark:s3cret:with:colons"))).isFalse();
        assertThat(credentials.accept(basic(""))).isFalse();
        assertThat(credentials.accept("Bearer " + encode("postmark:s3cret:with:colons"))).isFalse();
        assertThat(credentials.accept("Basic %%%")).isFalse();
        assertThat(credentials.accept(null)).isFalse();
    }

    @Test
    @DisplayName("refuse everything while unset")
    void unset() {
        PostmarkCredentials none = new PostmarkCredentials("", "");
        PostmarkCredentials half = new PostmarkCredentials("postmark", null);
        assertThat(none.configured()).isFalse();
        assertThat(none.accept(basic(":"))).isFalse();
        assertThat(half.accept(basic("postmark:"))).isFalse();
        assertThat(half.accept(basic("postmark:null"))).isFalse();
    }

    private static String basic(String userAndPassword) {
        return "Basic " + encode(userAndPassword);
    }

    private static String encode(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
