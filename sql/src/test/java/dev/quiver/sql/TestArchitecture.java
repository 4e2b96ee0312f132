package dev.quiver.sql;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layering rules of DESIGN.md for the sql module. */
public class TestArchitecture
{
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.quiver.sql");

    @Test
    public void testSqlNeverImportsNetty()
    {
        noClasses().that().resideInAPackage("dev.quiver.sql..")
                .should().dependOnClassesThat().resideInAPackage("io.netty..")
                .check(CLASSES);
    }

    @Test
    public void testJSqlParserStaysInParserAndAnalyzer()
    {
        noClasses().that().resideInAPackage("dev.quiver.sql..")
                .and().resideOutsideOfPackages("dev.quiver.sql.parser..", "dev.quiver.sql.analyzer..")
                .should().dependOnClassesThat().resideInAPackage("net.sf.jsqlparser..")
                .check(CLASSES);
    }

    @Test
    public void testSqlNeverImportsTheWireOrServer()
    {
        noClasses().that().resideInAPackage("dev.quiver.sql..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.quiver.wire..", "dev.quiver.server..")
                .check(CLASSES);
    }
}
