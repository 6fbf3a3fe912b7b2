package org.oostkit.wrt.domain.organisation;

import org.oostkit.wrt.api.common.Rule;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.oostkit.wrt.api.organisation.OrganisationActivated;
import org.oostkit.wrt.api.organisation.OrganisationCommands.ActivateOrganisation;
import org.oostkit.wrt.api.organisation.OrganisationCommands.ChangeOrganisationMembers;
import org.oostkit.wrt.api.organisation.OrganisationCommands.DeactivateOrganisation;
import org.oostkit.wrt.api.organisation.OrganisationCommands.RegisterOrganisation;
import org.oostkit.wrt.api.organisation.OrganisationCommands.SuspendOrganisation;
import org.oostkit.wrt.api.organisation.OrganisationDeactivated;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.organisation.OrganisationMembersChanged;
import org.oostkit.wrt.api.organisation.OrganisationRegistered;
import org.oostkit.wrt.api.organisation.OrganisationSuspended;
import org.oostkit.wrt.domain.testing.FixtureSupport.InMemoryOrganisationDirectory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.oostkit.wrt.domain.testing.FixtureSupport.violation;

@DisplayName("Organisation")
class OrganisationTest {

    private static final OrganisationId ORG = OrganisationId.random();
    private static final List<String> ADMINS = List.of("admin@example.org");

    private AggregateTestFixture<Organisation> fixture;
    private InMemoryOrganisationDirectory directory;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Organisation.class);
        directory = new InMemoryOrganisationDirectory();
        fixture.registerInjectableResource(directory);
    }

    private static RegisterOrganisation register(String slug) {
        return new RegisterOrganisation(ORG, slug, "Acme Foundation", ADMINS, List.of());
    }

    private static List<String> admins(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "admin" + i + "@example.org").toList();
    }

    private static OrganisationRegistered registered() {
        return new OrganisationRegistered(ORG, "acme", "Acme Foundation", ADMINS, List.of());
    }

    @Nested
    @DisplayName("registration")
    class Registration {

        @Test
        @DisplayName("registers with the stripped slug and name")
        void registers() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterOrganisation(ORG, "  acme-2  ", "  Acme Foundation ", ADMINS, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OrganisationRegistered(ORG, "acme-2", "Acme Foundation", ADMINS, List.of()));
        }

        @ParameterizedTest(name = "slug \"{0}\" is accepted")
        @ValueSource(strings = {"a", "7", "acme", "acme-foundation-2", "a-b"})
        void wellFormedSlugsAreAccepted(String slug) {
            fixture.givenNoPriorActivity()
                    .when(register(slug))
                    .expectEvents(new OrganisationRegistered(ORG, slug, "Acme Foundation", ADMINS, List.of()));
        }

        @Test
        @DisplayName("a slug of 63 characters is accepted")
        void longestSlug() {
            String slug = "a".repeat(63);
            fixture.givenNoPriorActivity()
                    .when(register(slug))
                    .expectEvents(new OrganisationRegistered(ORG, slug, "Acme Foundation", ADMINS, List.of()));
        }

        @ParameterizedTest(name = "slug \"{0}\" is refused")
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "Acme", "-acme", "acme-", "ac_me", "ac me", "acmé", "acme.org", "a/b"})
        void malformedSlugsAreRefused(String slug) {
            fixture.givenNoPriorActivity()
                    .when(register(slug))
                    .expectException(violation(Rule.SLUG_INVALID))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a slug of 64 characters is refused")
        void slugTooLong() {
            fixture.givenNoPriorActivity()
                    .when(register("a".repeat(64)))
                    .expectException(violation(Rule.SLUG_INVALID));
        }

        @Test
        @DisplayName("a slug that is already taken is refused")
        void slugTaken() {
            directory.withTakenSlugs("acme");

            fixture.givenNoPriorActivity()
                    .when(register(" acme "))
                    .expectException(violation(Rule.SLUG_TAKEN, "rule.slug-taken", "acme"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("another organisation's slug does not block a different slug")
        void otherSlugTaken() {
            directory.withTakenSlugs("acme-old");

            fixture.givenNoPriorActivity()
                    .when(register("acme"))
                    .expectEvents(registered());
        }

        @ParameterizedTest(name = "name \"{0}\" is refused")
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void blankNameIsRefused(String name) {
            fixture.givenNoPriorActivity()
                    .when(new RegisterOrganisation(ORG, "acme", name, ADMINS, List.of()))
                    .expectException(violation(Rule.NAME_INVALID));
        }

        @ParameterizedTest(name = "name \"{0}\" is refused")
        @ValueSource(strings = {"Ac\u0000me", "Ac\r\nme", "Acme\u202E", "Ac\u2069me", "Ac\u0085me", "Ac\uDC00me"})
        void nameWithControlOrBidiCharacters(String name) {
            fixture.givenNoPriorActivity()
                    .when(new RegisterOrganisation(ORG, "acme", name, ADMINS, List.of()))
                    .expectException(violation(Rule.NAME_INVALID))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a name is stored in NFC")
        void nameNormalised() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterOrganisation(ORG, "acme", "Socie\u0301te\u0301", ADMINS, List.of()))
                    .expectEvents(new OrganisationRegistered(ORG, "acme", "Soci\u00e9t\u00e9", ADMINS, List.of()));
        }

        @ParameterizedTest(name = "member email \"{0}\" is refused")
        @ValueSource(strings = {"al\u0000ice@example.org", "alice@example.org\r\nBcc: x@example.org",
                "al\u202Eice@example.org"})
        void memberEmailWithControlCharacters(String email) {
            fixture.givenNoPriorActivity()
                    .when(new RegisterOrganisation(ORG, "acme", "Acme", List.of(email), List.of()))
                    .expectException(violation(Rule.EMAIL_INVALID))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a name longer than 200 characters is refused")
        void nameTooLong() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterOrganisation(ORG, "acme", "n".repeat(201), ADMINS, List.of()))
                    .expectException(violation(Rule.NAME_INVALID));
        }

        @Test
        @DisplayName("a name of 200 characters is accepted")
        void longestName() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterOrganisation(ORG, "acme", "n".repeat(200), ADMINS, List.of()))
                    .expectEvents(new OrganisationRegistered(ORG, "acme", "n".repeat(200), ADMINS, List.of()));
        }

        @Test
        @DisplayName("at least one admin is required")
        void adminRequired() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterOrganisation(ORG, "acme", "Acme", List.of(), List.of("audit@example.org")))
                    .expectException(violation(Rule.ADMIN_REQUIRED));
        }

        @Test
        @DisplayName("no admin list at all counts as no admin")
        void adminRequiredNull() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterOrganisation(ORG, "acme", "Acme", null, List.of()))
                    .expectException(violation(Rule.ADMIN_REQUIRED));
        }

        @Test
        @DisplayName("blank admin entries are skipped and do not count as an admin")
        void adminRequiredBlank() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterOrganisation(ORG, "acme", "Acme", Arrays.asList("", "  ", null), List.of()))
                    .expectException(violation(Rule.ADMIN_REQUIRED));
        }

        @Test
        @DisplayName("admin and auditor emails are normalised and deduplicated, in their first order")
        void emailsNormalisedAndDeduplicated() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterOrganisation(ORG, "acme", "Acme",
                            Arrays.asList(" Alice@Example.ORG", "bob@example.org", "alice@example.org ", "", null),
                            List.of("AUDIT@example.org", "audit@EXAMPLE.org")))
                    .expectEvents(new OrganisationRegistered(ORG, "acme", "Acme",
                            List.of("alice@example.org", "bob@example.org"), List.of("audit@example.org")));
        }

        @Test
        @DisplayName("an invalid admin email is refused")
        void invalidAdminEmail() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterOrganisation(ORG, "acme", "Acme", List.of("alice@example.org", "not an email"),
                            List.of()))
                    .expectException(violation(Rule.EMAIL_INVALID));
        }

        @Test
        @DisplayName("an invalid auditor email is refused")
        void invalidAuditorEmail() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterOrganisation(ORG, "acme", "Acme", ADMINS, List.of("audit@localhost")))
                    .expectException(violation(Rule.EMAIL_INVALID));
        }

        @Test
        @DisplayName("more than 100 distinct admins are refused")
        void tooManyMembers() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterOrganisation(ORG, "acme", "Acme", admins(101), List.of()))
                    .expectException(violation(Rule.TOO_MANY_MEMBERS, "rule.too-many-members", 100));
        }

        @Test
        @DisplayName("100 admins are accepted; a duplicate does not count as a 101st")
        void hundredMembersWithDuplicate() {
            List<String> hundred = admins(100);
            List<String> hundredWithDuplicate = new ArrayList<>(hundred);
            hundredWithDuplicate.add("ADMIN1@example.org");
            fixture.givenNoPriorActivity()
                    .when(new RegisterOrganisation(ORG, "acme", "Acme", hundredWithDuplicate, List.of()))
                    .expectEvents(new OrganisationRegistered(ORG, "acme", "Acme", hundred, List.of()));
        }

        @Test
        @DisplayName("at most 100 distinct auditors")
        void tooManyAuditors() {
            List<String> auditors = IntStream.rangeClosed(1, 101).mapToObj(i -> "audit" + i + "@example.org")
                    .toList();
            fixture.givenNoPriorActivity()
                    .when(new RegisterOrganisation(ORG, "acme", "Acme", ADMINS, auditors))
                    .expectException(violation(Rule.TOO_MANY_MEMBERS, "rule.too-many-members.auditor", 100));
        }
    }

    @Nested
    @DisplayName("members")
    class Members {

        @Test
        @DisplayName("replaces admins and auditors with the normalised, deduplicated lists")
        void changesMembers() {
            fixture.given(registered())
                    .when(new ChangeOrganisationMembers(ORG, List.of("New@Example.org", "new@example.org "),
                            List.of(" Audit@Example.org")))
                    .expectEvents(new OrganisationMembersChanged(ORG, List.of("new@example.org"),
                            List.of("audit@example.org")));
        }

        @Test
        @DisplayName("an organisation cannot be left without an admin")
        void adminRequired() {
            fixture.given(registered())
                    .when(new ChangeOrganisationMembers(ORG, List.of(" "), List.of("audit@example.org")))
                    .expectException(violation(Rule.ADMIN_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("an invalid email is refused")
        void invalidEmail() {
            fixture.given(registered())
                    .when(new ChangeOrganisationMembers(ORG, ADMINS, List.of("audit@")))
                    .expectException(violation(Rule.EMAIL_INVALID));
        }
    }

    @Nested
    @DisplayName("status")
    class Status {

        @Test
        @DisplayName("an active organisation can be suspended, with the stripped reason")
        void suspend() {
            fixture.given(registered())
                    .when(new SuspendOrganisation(ORG, "  unpaid invoice "))
                    .expectEvents(new OrganisationSuspended(ORG, "unpaid invoice"));
        }

        @Test
        @DisplayName("a suspension reason with a control character is refused")
        void suspendReasonWithControlCharacter() {
            fixture.given(registered())
                    .when(new SuspendOrganisation(ORG, "unpaid\u0000"))
                    .expectException(violation(Rule.REASON_INVALID))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a suspension without a reason records an empty reason")
        void suspendWithoutReason() {
            fixture.given(registered())
                    .when(new SuspendOrganisation(ORG, null))
                    .expectEvents(new OrganisationSuspended(ORG, ""));
        }

        @Test
        @DisplayName("suspending a suspended organisation changes nothing")
        void suspendIdempotent() {
            fixture.given(registered(), new OrganisationSuspended(ORG, "x"))
                    .when(new SuspendOrganisation(ORG, "again"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a suspended organisation can be activated")
        void activateSuspended() {
            fixture.given(registered(), new OrganisationSuspended(ORG, "x"))
                    .when(new ActivateOrganisation(ORG))
                    .expectEvents(new OrganisationActivated(ORG));
        }

        @Test
        @DisplayName("an inactive organisation can be activated")
        void activateInactive() {
            fixture.given(registered(), new OrganisationDeactivated(ORG))
                    .when(new ActivateOrganisation(ORG))
                    .expectEvents(new OrganisationActivated(ORG));
        }

        @Test
        @DisplayName("a newly registered organisation is active: activating it changes nothing")
        void activateIdempotentAfterRegistration() {
            fixture.given(registered())
                    .when(new ActivateOrganisation(ORG))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        @DisplayName("activating a re-activated organisation changes nothing")
        void activateIdempotent() {
            fixture.given(registered(), new OrganisationSuspended(ORG, "x"), new OrganisationActivated(ORG))
                    .when(new ActivateOrganisation(ORG))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("an active organisation can be deactivated")
        void deactivate() {
            fixture.given(registered())
                    .when(new DeactivateOrganisation(ORG))
                    .expectEvents(new OrganisationDeactivated(ORG));
        }

        @Test
        @DisplayName("a suspended organisation can be deactivated")
        void deactivateSuspended() {
            fixture.given(registered(), new OrganisationSuspended(ORG, "x"))
                    .when(new DeactivateOrganisation(ORG))
                    .expectEvents(new OrganisationDeactivated(ORG));
        }

        @Test
        @DisplayName("deactivating an inactive organisation changes nothing")
        void deactivateIdempotent() {
            fixture.given(registered(), new OrganisationDeactivated(ORG))
                    .when(new DeactivateOrganisation(ORG))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        @DisplayName("an inactive organisation can be suspended")
        void suspendInactive() {
            fixture.given(registered(), new OrganisationDeactivated(ORG))
                    .when(new SuspendOrganisation(ORG, "fraud"))
                    .expectEvents(new OrganisationSuspended(ORG, "fraud"));
        }
    }
}
