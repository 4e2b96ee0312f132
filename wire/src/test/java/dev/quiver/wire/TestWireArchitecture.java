package dev.quiver.wire;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class TestWireArchitecture
{
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.quiver.wire");

    @Test
    void testWireKnowsNothingOfSqlOrStorage()
    {
        noClasses().that().resideInAPackage("dev.quiver.wire..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.quiver.sql..", "dev.quiver.storage..", "dev.quiver.server..")
                .check(classes);
    }

    @Test
    void testSpiDoesNotLeakNetty()
    {
        noClasses().that().resideInAPackage("dev.quiver.wire.spi..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "dev.quiver.wire.connection..", "dev.quiver.wire.codec..")
                .check(classes);
    }

    @Test
    void testPacketsDoNotDependOnConnections()
    {
        noClasses().that().resideInAnyPackage("dev.quiver.wire.packet..", "dev.quiver.wire.codec..", "dev.quiver.wire.auth..", "dev.quiver.wire.command..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.quiver.wire.connection..")
                .check(classes);
    }

    @Test
    void testNoStandardStreamsInMainCode()
    {
        noClasses().that().resideInAPackage("dev.quiver.wire..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .check(classes);
    }
}
