package org.oostkit.wrt.web;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module boundaries of DESIGN.md: the query side, the adapters and the web use the command side's published
 * language (its api package) only; the command side knows nothing of them; the adapters (mail, webhooks, jobs)
 * know no web, which may use them; the api depends on no framework but Axon's message annotations and Jackson's.
 */
class ModuleBoundariesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // the domain's test support arrives as a jar (wrt-command-domain-…-tests.jar), not test-classes
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.oostkit.wrt");
    }

    @Test
    @DisplayName("the query side uses the command side's api only, never the adapters or the web")
    void querySideUsesApiOnly() {
        noClasses().that().resideInAPackage("org.oostkit.wrt.query..")
                .should().dependOnClassesThat().resideInAnyPackage("org.oostkit.wrt.domain..", "org.oostkit.wrt.web..",
                        "org.oostkit.wrt.adapters..")
                .check(classes);
    }

    @Test
    @DisplayName("the adapters use the command side's api only, and never the web")
    void adaptersUseApiOnlyAndKnowNoWeb() {
        noClasses().that().resideInAPackage("org.oostkit.wrt.adapters..")
                .should().dependOnClassesThat().resideInAnyPackage("org.oostkit.wrt.domain..", "org.oostkit.wrt.web..")
                .check(classes);
    }

    @Test
    @DisplayName("the adapters' packages (mail, webhooks, jobs, texts, queues) depend on each other without cycles")
    void adaptersHaveNoCycles() {
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                .matching("org.oostkit.wrt.adapters.(*)..")
                .should().beFreeOfCycles()
                .check(classes);
    }

    @Test
    @DisplayName("the web uses the command side's api only")
    void webUsesApiOnly() {
        noClasses().that().resideInAPackage("org.oostkit.wrt.web..")
                .should().dependOnClassesThat().resideInAPackage("org.oostkit.wrt.domain..")
                .check(classes);
    }

    @Test
    @DisplayName("the command side never uses the query side, the adapters or the web")
    void commandSideIsIndependent() {
        noClasses().that().resideInAnyPackage("org.oostkit.wrt.domain..", "org.oostkit.wrt.api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.oostkit.wrt.query..", "org.oostkit.wrt.web..",
                        "org.oostkit.wrt.adapters..")
                .check(classes);
    }

    @Test
    @DisplayName("the api is plain: no Spring, no JPA, no domain")
    void apiIsPlain() {
        noClasses().that().resideInAPackage("org.oostkit.wrt.api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "org.oostkit.wrt.domain..")
                .check(classes);
    }

    @Test
    @DisplayName("the domain reaches no other feature's internals: lookups and aggregates are its public surface")
    void domainHasNoCycles() {
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                .matching("org.oostkit.wrt.domain.(*)..")
                .should().beFreeOfCycles()
                .check(classes);
    }
}
