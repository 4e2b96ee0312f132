package dev.quiver.storage;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class TestArchitecture
{
    private static final JavaClasses STORAGE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.quiver.storage");

    @Test
    void testStorageDependsOnlyDownward()
    {
        noClasses().that().resideInAPackage("dev.quiver.storage..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "net.sf.jsqlparser..", "dev.quiver.sql..", "dev.quiver.wire..", "dev.quiver.server..")
                .check(STORAGE);
    }
}
