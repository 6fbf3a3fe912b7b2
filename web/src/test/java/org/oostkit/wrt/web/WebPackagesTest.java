package org.oostkit.wrt.web;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web module's packages, each a module with a one-sentence purpose (its {@code package-info}): shared
 * infrastructure never reaches into a page package, pages reach each other only through the campaign frame, and
 * the mail, webhook and retention adapters know no page, so that they can move to a module of their own.
 */
class WebPackagesTest {

    private static final String WEB = "org.oostkit.wrt.web";
    /** What every page builds on. */
    private static final String[] INFRASTRUCTURE = packages("error", "scope", "security", "metrics", "config",
            "health");
    /** The admin's and nominator's pages. */
    private static final String[] PAGES = packages("campaign", "round", "results", "audit", "nomination", "entry");
    /** Sending mail, taking webhooks in, the retention job: no HTTP page of their own to know about. */
    private static final String[] ADAPTERS = packages("mail", "webhooks", "retention");

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
    @DisplayName("the mail, webhook and retention adapters never depend on a page")
    void adaptersKnowNoPage() {
        noClasses().that().resideInAnyPackage(ADAPTERS)
                .should().dependOnClassesThat().resideInAnyPackage(PAGES)
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
    @DisplayName("every web package says in its package-info what it is for")
    void everyPackageHasAPurpose() throws URISyntaxException, java.io.IOException {
        Path root = Path.of(WebPackagesTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("../../src/main/java/" + WEB.replace('.', File.separatorChar)).normalize();
        try (Stream<Path> packages = Files.list(root)) {
            List<Path> withoutPurpose = packages.filter(Files::isDirectory)
                    .filter(dir -> !Files.exists(dir.resolve("package-info.java"))).toList();
            assertThat(withoutPurpose).isEmpty();
        }
    }

    private static String[] packages(String... names) {
        return Stream.of(names).map(name -> WEB + "." + name + "..").toArray(String[]::new);
    }
}
