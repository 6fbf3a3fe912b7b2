package org.oostkit.wrt.api.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailsTest {

    @Test
    void plainAddressesAreValid() {
        assertThat(Emails.isValid("alice@example.org")).isTrue();
        assertThat(Emails.isValid(Emails.normalise(" Alice.B+tag@Example.ORG "))).isTrue();
        assertThat(Emails.isValid("j\u00f6rg@example.org")).isTrue();
    }

    @Test
    void controlCharactersWhiteSpaceAndInvisibleCharactersAreRefusedInTheLocalPart() {
        for (String bad : new String[] {"mal\u0000lory@example.org", "mal\r\nlory@example.org",
                "mal\nlory@example.org", "mal\u0085lory@example.org", "mal lory@example.org",
                "mal\u00a0lory@example.org", "mal\u202elory@example.org", "mal\u2066lory@example.org",
                "mal\u200blory@example.org", "mal\uD83Dlory@example.org", "mal\u2028lory@example.org"}) {
            assertThat(Emails.isValid(bad)).as(bad).isFalse();
        }
    }

    @Test
    void controlCharactersAreRefusedInTheDomainAndAtTheEnd() {
        assertThat(Emails.isValid("alice@exa\u0000mple.org")).isFalse();
        assertThat(Emails.isValid("alice@example.org\n")).isFalse();
        assertThat(Emails.isValid("alice@example.org\r\nBcc: x@example.org")).isFalse();
    }

    @Test
    void normalisingComposesToNfc() {
        assertThat(Emails.normalise("Jo\u0308rg@Example.org")).isEqualTo("j\u00f6rg@example.org");
    }
}
