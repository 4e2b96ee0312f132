package dev.quiver.server;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The dependency rules of DESIGN.md, checked over every production class of the reactor (this module sees
 * them all): edges point down, no cycles, and each third-party library stays in its layer. The client
 * ({@code collection-api}) is kept apart by Maven itself: its pom depends on no Quiver module.
 */
class TestArchitecture
{
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses()
    {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.quiver");
    }

    @Test
    void testCommonDependsOnNothingOfOurs()
    {
        noClasses().that().resideInAPackage("dev.quiver.common..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.quiver.storage..", "dev.quiver.sql..", "dev.quiver.wire..",
                        "dev.quiver.server..", "dev.quiver.client..", "io.netty..", "net.sf.jsqlparser..", "org.apache.lucene..")
                .check(classes);
    }

    @Test
    void testStorageKnowsNoSqlAndNoNetwork()
    {
        noClasses().that().resideInAPackage("dev.quiver.storage..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.quiver.sql..", "dev.quiver.wire..", "dev.quiver.server..",
                        "io.netty..", "net.sf.jsqlparser..")
                .check(classes);
    }

    @Test
    void testSqlNeverTouchesTheNetwork()
    {
        noClasses().that().resideInAPackage("dev.quiver.sql..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.quiver.wire..", "dev.quiver.server..", "io.netty..")
                .check(classes);
    }

    @Test
    void testWireKnowsNoSqlAndNoStorage()
    {
        noClasses().that().resideInAPackage("dev.quiver.wire..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.quiver.sql..", "dev.quiver.storage..", "dev.quiver.server..",
                        "net.sf.jsqlparser..", "org.apache.lucene..")
                .check(classes);
    }

    @Test
    void testJsqlParserStaysInParserAndAnalyzer()
    {
        noClasses().that().resideOutsideOfPackages("dev.quiver.sql.parser..", "dev.quiver.sql.analyzer..")
                .should().dependOnClassesThat().resideInAPackage("net.sf.jsqlparser..")
                .check(classes);
    }

    @Test
    void testModulesHaveNoCycles()
    {
        slices().matching("dev.quiver.(*)..").should().beFreeOfCycles().check(classes);
    }
}
