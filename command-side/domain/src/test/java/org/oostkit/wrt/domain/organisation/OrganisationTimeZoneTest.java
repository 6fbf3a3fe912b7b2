package org.oostkit.wrt.domain.organisation;

import org.oostkit.wrt.api.common.Rule;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.oostkit.wrt.api.common.TimeZones;
import org.oostkit.wrt.api.organisation.OrganisationCommands.ChangeOrganisationTimeZone;
import org.oostkit.wrt.api.organisation.OrganisationCommands.RegisterOrganisation;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.organisation.OrganisationRegistered;
import org.oostkit.wrt.api.organisation.OrganisationTimeZoneChanged;
import org.oostkit.wrt.domain.testing.FixtureSupport.InMemoryOrganisationDirectory;

import java.util.List;

import static org.oostkit.wrt.domain.testing.FixtureSupport.violation;

@DisplayName("Organisation time zone")
class OrganisationTimeZoneTest {

    private static final OrganisationId ORG = OrganisationId.random();
    private static final List<String> ADMINS = List.of("admin@example.org");
    private static final OrganisationRegistered REGISTERED =
            new OrganisationRegistered(ORG, "acme", "Acme Foundation", ADMINS, List.of());

    private AggregateTestFixture<Organisation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Organisation.class);
        fixture.registerInjectableResource(new InMemoryOrganisationDirectory());
    }

    private static RegisterOrganisation register(String zone) {
        return new RegisterOrganisation(ORG, "acme", "Acme Foundation", ADMINS, List.of(), zone);
    }

    @Test
    @DisplayName("a zone given at registration is recorded right after the registration, canonically spelled")
    void registeredWithZone() {
        fixture.givenNoPriorActivity()
                .when(register(" america/new_york "))
                .expectEvents(REGISTERED, new OrganisationTimeZoneChanged(ORG, "America/New_York"));
    }

    @ParameterizedTest(name = "registration with zone \"{0}\" records no zone (the default applies)")
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void registeredWithoutZone(String zone) {
        fixture.givenNoPriorActivity()
                .when(register(zone))
                .expectEvents(REGISTERED);
    }

    @ParameterizedTest(name = "registration with zone \"{0}\" is refused as a whole")
    @ValueSource(strings = {"Mars/Olympus", "+01:00", "CET+1", "Europe/"})
    void registrationWithInvalidZoneIsRefused(String zone) {
        fixture.givenNoPriorActivity()
                .when(register(zone))
                .expectNoEvents()
                .expectException(violation(Rule.TIME_ZONE_INVALID));
    }

    @Test
    @DisplayName("an admin changes the zone")
    void changes() {
        fixture.given(REGISTERED, new OrganisationTimeZoneChanged(ORG, "Europe/Amsterdam"))
                .when(new ChangeOrganisationTimeZone(ORG, "Asia/Kolkata"))
                .expectEvents(new OrganisationTimeZoneChanged(ORG, "Asia/Kolkata"));
    }

    @Test
    @DisplayName("an organisation registered without a zone gets one")
    void firstZone() {
        fixture.given(REGISTERED)
                .when(new ChangeOrganisationTimeZone(ORG, "UTC"))
                .expectEvents(new OrganisationTimeZoneChanged(ORG, "UTC"));
    }

    @Test
    @DisplayName("the same zone again (in any case) changes nothing")
    void unchanged() {
        fixture.given(REGISTERED, new OrganisationTimeZoneChanged(ORG, "Europe/Amsterdam"))
                .when(new ChangeOrganisationTimeZone(ORG, "EUROPE/AMSTERDAM"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest(name = "the zone \"{0}\" is refused")
    @NullAndEmptySource
    @ValueSource(strings = {"Europe/Atlantis", "GMT+01:00", "Z", "1"})
    void invalidZoneIsRefused(String zone) {
        fixture.given(REGISTERED)
                .when(new ChangeOrganisationTimeZone(ORG, zone))
                .expectNoEvents()
                .expectException(violation(Rule.TIME_ZONE_INVALID));
    }
}
