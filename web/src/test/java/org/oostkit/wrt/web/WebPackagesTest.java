package org.oostkit.wrt.web;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web module's packages, each a module with a one-sentence purpose (its {@code package-info}): the web holds
 * HTTP only (event handlers, jobs and workers are in the adapters module), shared infrastructure never reaches into
 * a page package, pages reach each other only through the campaign frame.
 */
class WebPackagesTest {

    private static final String WEB = "org.oostkit.wrt.web";
    /** What every page builds on. */
    private static final String[] INFRASTRUCTURE = packages("error", "scope", "security", "metrics", "config",
            "health");
    /** The admin's and nominator's pages. */
    private static final String[] PAGES = packages("campaign", "round", "results", "audit", "nomination", "entry");
    /** The mail, webhook and erasure pages, in front of the adapters module. */
    private static final String[] ADAPTER_PAGES = packages("mail", "webhooks", "retention");
    private static final String ADAPTERS = "org.oostkit.wrt.adapters";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(WEB);
    }

    @Test
    @DisplayName("infrastructure (errors, scope, security, metrics, config, health) never depends on a page")
    void infrastructureKnowsNoPage() {
        noClasses().that().resideInAnyPackage(INFRASTRUCTURE)
                .should().dependOnClassesThat().resideInAnyPackage(PAGES)
                .check(classes);
    }

    @Test
    @DisplayName("the mail, webhook and erasure pages never depend on another page")
    void adapterPagesKnowNoPage() {
        noClasses().that().resideInAnyPackage(ADAPTER_PAGES)
                .should().dependOnClassesThat().resideInAnyPackage(PAGES)
                .check(classes);
    }

    @Test
    @DisplayName("the web holds HTTP only: event handlers, scheduled jobs and worker threads are adapters")
    void webHoldsHttpOnly() {
        noMethods().that().areDeclaredInClassesThat().resideInAPackage(WEB + "..")
                .should().beAnnotatedWith(EventHandler.class)
                .orShould().beAnnotatedWith(Scheduled.class)
                .check(classes);
        noClasses().that().resideInAPackage(WEB + "..")
                .should().beAnnotatedWith(ProcessingGroup.class)
                .orShould().implement(SmartLifecycle.class)
                .orShould().dependOnClassesThat().resideInAPackage("com.github.kagkarlsson.scheduler..")
                .check(classes);
    }

    @Test
    @DisplayName("pages share only the campaign frame (and the audit pages the results' parts)")
    void pagesShareOnlyTheCampaignFrame() {
        List<String> pages = List.of("campaign", "round", "results", "audit", "nomination", "entry");
        for (String page : pages) {
            List<String> allowed = switch (page) {
                case "audit" -> List.of("audit", "campaign", "results");
                default -> List.of(page, "campaign");
            };
            String[] others = pages.stream().filter(other -> !allowed.contains(other)).map(WebPackagesTest::packages)
                    .map(names -> names[0]).toArray(String[]::new);
            noClasses().that().resideInAPackage(WEB + "." + page + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .check(classes);
        }
    }

    @Test
    @DisplayName("every web and adapters package says in its package-info what it is for")
    void everyPackageHasAPurpose() throws URISyntaxException, java.io.IOException {
        Path web = Path.of(WebPackagesTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("../..").normalize();
        for (Path root : List.of(web.resolve("src/main/java/" + WEB.replace('.', File.separatorChar)),
                web.resolve("../command-side/adapters/src/main/java/" + ADAPTERS.replace('.', File.separatorChar))
                        .normalize())) {
            try (Stream<Path> packages = Files.list(root)) {
                List<Path> all = packages.filter(Files::isDirectory).toList();
                assertThat(all).isNotEmpty();
                assertThat(all).filteredOn(dir -> !Files.exists(dir.resolve("package-info.java"))).isEmpty();
            }
        }
    }

    private static String[] packages(String... names) {
        return Stream.of(names).map(name -> WEB + "." + name + "..").toArray(String[]::new);
    }
}
