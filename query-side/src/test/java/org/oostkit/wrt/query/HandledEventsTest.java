package org.oostkit.wrt.query;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignEvent;
import org.oostkit.wrt.api.campaign.CampaignTimeZoneChanged;
import org.oostkit.wrt.api.organisation.OrganisationActivated;
import org.oostkit.wrt.api.organisation.OrganisationDeactivated;
import org.oostkit.wrt.api.organisation.OrganisationMembersChanged;
import org.oostkit.wrt.api.organisation.OrganisationRegistered;
import org.oostkit.wrt.api.organisation.OrganisationSuspended;
import org.oostkit.wrt.api.organisation.OrganisationTimeZoneChanged;
import org.oostkit.wrt.query.projection.ReadModelRules;
import org.oostkit.wrt.testing.IntegrationTestSupport;

import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event type the read side handles (its event handlers' parameters; the read models' handler takes every
 * {@code CampaignEvent} and applies {@link ReadModelRules}) has a case in a plain test: a test class without
 * the application or a database creates it.
 */
class HandledEventsTest {

    /** One SQL statement each into the tenant registry or the zone table, tested on PostgreSQL only. */
    private static final Set<Class<?>> SQL_ONLY = Set.of(OrganisationRegistered.class,
            OrganisationMembersChanged.class, OrganisationSuspended.class, OrganisationActivated.class,
            OrganisationDeactivated.class, OrganisationTimeZoneChanged.class, CampaignTimeZoneChanged.class);

    @Test
    @DisplayName("every handled event type is created by a plain (database-free) test")
    void everyHandledEventHasAPlainTest() {
        Set<String> handled = new TreeSet<>();
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.oostkit.wrt.query");
        for (JavaClass type : main) {
            for (JavaMethod method : type.getMethods()) {
                if (method.isAnnotatedWith(EventHandler.class)) {
                    handled.add(method.getRawParameterTypes().get(0).getName());
                }
            }
        }
        assertThat(handled).as("the read models' handler").contains(CampaignEvent.class.getName());
        handled.remove(CampaignEvent.class.getName());
        ReadModelRules.EVENTS.forEach(event -> handled.add(event.getName()));

        Set<String> created = new TreeSet<>();
        JavaClasses tests = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("org.oostkit.wrt.query");
        for (JavaClass test : tests) {
            if (!test.isAssignableTo(IntegrationTestSupport.class) && test.getSimpleName().endsWith("Test")) {
                test.getConstructorCallsFromSelf().forEach(call -> created.add(call.getTargetOwner().getName()));
            }
        }
        Set<String> untested = new TreeSet<>(handled);
        untested.removeAll(created);
        assertThat(untested).as("handled events without a plain test")
                .containsExactlyInAnyOrderElementsOf(SQL_ONLY.stream().map(Class::getName).toList());
    }
}
