package org.oostkit.wrt.query;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read side's layout (see its package-info): queries and their views, the projection rules, processing,
 * sinks and exports, each depending only on what its place in the design allows.
 */
class QueryPackagesTest {

    private static final String QUERY = "org.oostkit.wrt.query";
    /** The queries with their views and what reads them out (exports), and where tenants and zones are. */
    private static final String[] QUERIES = packages("api", "campaign", "round", "invitation", "person", "shortlist",
            "insight", "tenant", "time", "export");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(QUERY);
    }

    @Test
    @DisplayName("the projection rules are plain Java over events and published views: no sink, database or framework")
    void rulesArePlain() {
        classes().that().resideInAPackage(QUERY + ".projection..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(QUERY + ".projection..", QUERY + ".api..",
                        "org.oostkit.wrt.api..", "java..")
                .check(classes);
        noClasses().that().resideInAPackage(QUERY + ".projection..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
                .check(classes);
    }

    @Test
    @DisplayName("the rules of every read model are in projection, with the others")
    void everyReadModelsRulesAreInProjection() {
        classes().that().haveSimpleNameEndingWith("Rules").should().resideInAPackage(QUERY + ".projection")
                .check(classes);
    }

    @Test
    @DisplayName("every event handler and every processor's setup is in processing")
    void handlersAndProcessorsAreInProcessing() {
        methods().that().areAnnotatedWith(EventHandler.class).or().areAnnotatedWith(ResetHandler.class)
                .should().beDeclaredInClassesThat().resideInAPackage(QUERY + ".processing..")
                .check(classes);
        classes().that().areAnnotatedWith(ProcessingGroup.class)
                .should().resideInAPackage(QUERY + ".processing..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage(QUERY + ".processing..")
                .should().dependOnClassesThat().belongToAnyOf(ConfigurerModule.class, EventProcessingConfigurer.class)
                .check(classes);
    }

    @Test
    @DisplayName("sinks hold rows only: they know no query, processor or web")
    void sinksKnowOnlyRows() {
        noClasses().that().resideInAPackage(QUERY + ".sink..")
                .should().dependOnClassesThat().resideInAnyPackage(QUERIES)
                .orShould().dependOnClassesThat().resideInAnyPackage(packages("processing", "rebuild"))
                .orShould().dependOnClassesThat().resideInAPackage("org.oostkit.wrt.web..")
                .check(classes);
    }

    @Test
    @DisplayName("queries never depend on processing or the rebuild")
    void queriesKnowNoProcessing() {
        noClasses().that().resideInAnyPackage(QUERIES)
                .should().dependOnClassesThat().resideInAnyPackage(packages("processing", "rebuild"))
                .check(classes);
    }

    @Test
    @DisplayName("the published queries and views depend on nothing else of the read side")
    void apiIsPublishedLanguage() {
        noClasses().that().resideInAPackage(QUERY + ".api..")
                .should().dependOnClassesThat().resideInAnyPackage(List.of(QUERIES).subList(1, QUERIES.length)
                        .toArray(String[]::new))
                .orShould().dependOnClassesThat().resideInAnyPackage(packages("projection", "processing", "rebuild",
                        "sink"))
                .check(classes);
    }

    @Test
    @DisplayName("every read-side package says in its package-info what it is for")
    void everyPackageHasAPurpose() throws URISyntaxException, IOException {
        Path root = Path.of(QueryPackagesTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("../../src/main/java/" + QUERY.replace('.', File.separatorChar)).normalize();
        try (Stream<Path> packages = Files.list(root)) {
            List<Path> all = packages.filter(Files::isDirectory).toList();
            assertThat(all).hasSizeGreaterThan(10);
            assertThat(all).allMatch(dir -> Files.exists(dir.resolve("package-info.java")));
        }
    }

    private static String[] packages(String... names) {
        return Stream.of(names).map(name -> QUERY + "." + name + "..").toArray(String[]::new);
    }
}
