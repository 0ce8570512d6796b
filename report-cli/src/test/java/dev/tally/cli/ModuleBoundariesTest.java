package dev.tally.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture of the folder tree, enforced: report-cli → reporting-core and api-client; the
 * core is pure; the client knows no reports; the emulator shares nothing with the client.
 */
class ModuleBoundariesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tally");
    }

    @Test
    void apiClientKnowsNoReportCode() {
        noClasses().that().resideInAPackage("dev.tally.waldur..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tally.core..", "dev.tally.cli..", "dev.tally.emulator..",
                        "org.apache.poi..", "org.apache.commons.csv..", "org.jfree..", "picocli..")
                .check(classes);
    }

    @Test
    void reportingCoreIsPureDomain() {
        noClasses().that().resideInAPackage("dev.tally.core..")
                .should().dependOnClassesThat().resideInAnyPackage("java.net..", "com.fasterxml..", "org.apache.poi..",
                        "org.apache.commons.csv..", "org.jfree..", "picocli..", "org.yaml..", "java.sql..",
                        "dev.tally.waldur..", "dev.tally.cli..", "dev.tally.emulator..")
                .check(classes);
    }

    @Test
    void emulatorSharesNoClassesWithTheClient() {
        noClasses().that().resideInAPackage("dev.tally.emulator..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tally.waldur..", "dev.tally.core..", "dev.tally.cli..")
                .check(classes);
    }

    @Test
    void nothingPointsBackAtTheCli() {
        noClasses().that().resideOutsideOfPackage("dev.tally.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.tally.cli..")
                .check(classes);
    }
}
