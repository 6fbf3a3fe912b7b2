package org.oostkit.wrt.domain.organisation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oostkit.wrt.api.common.Rule;
import org.oostkit.wrt.api.organisation.OrganisationCommands.ChangeOrganisationLogo;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.organisation.OrganisationLogoChanged;
import org.oostkit.wrt.api.organisation.OrganisationRegistered;
import org.oostkit.wrt.domain.testing.FixtureSupport.InMemoryOrganisationDirectory;

import java.util.List;

import static org.oostkit.wrt.domain.testing.FixtureSupport.violation;

@DisplayName("Organisation logo")
class OrganisationLogoTest {

    private static final OrganisationId ORG = OrganisationId.random();
    private static final OrganisationRegistered REGISTERED =
            new OrganisationRegistered(ORG, "acme", "Acme Foundation", List.of("admin@example.org"), List.of());
    private static final String HASH = "a".repeat(64);
    private static final String OTHER = "0123456789abcdef".repeat(4);

    private AggregateTestFixture<Organisation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Organisation.class);
        fixture.registerInjectableResource(new InMemoryOrganisationDirectory());
    }

    @Test
    @DisplayName("a new logo is recorded by its hash")
    void uploaded() {
        fixture.given(REGISTERED)
                .when(new ChangeOrganisationLogo(ORG, HASH))
                .expectEvents(new OrganisationLogoChanged(ORG, HASH));
    }

    @Test
    @DisplayName("another logo replaces it; the same one again changes nothing")
    void replacedOrRepeated() {
        fixture.given(REGISTERED, new OrganisationLogoChanged(ORG, HASH))
                .when(new ChangeOrganisationLogo(ORG, OTHER))
                .expectEvents(new OrganisationLogoChanged(ORG, OTHER));
        fixture.given(REGISTERED, new OrganisationLogoChanged(ORG, HASH))
                .when(new ChangeOrganisationLogo(ORG, HASH))
                .expectNoEvents();
    }

    @Test
    @DisplayName("removing records a null hash, once")
    void removed() {
        fixture.given(REGISTERED, new OrganisationLogoChanged(ORG, HASH))
                .when(new ChangeOrganisationLogo(ORG, null))
                .expectEvents(new OrganisationLogoChanged(ORG, null));
        fixture.given(REGISTERED)
                .when(new ChangeOrganisationLogo(ORG, null))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "\"{0}\" is no SHA-256 in hex")
    @ValueSource(strings = {"", "abc", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"})
    void refused(String hash) {
        fixture.given(REGISTERED)
                .when(new ChangeOrganisationLogo(ORG, hash))
                .expectException(violation(Rule.LOGO_HASH_INVALID));
    }
}
