package dev.tally.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * The architecture of the folder tree, enforced: report-cli → reporting-core and api-client; the
 * core is pure; the client knows no reports; the emulator shares nothing with the client; only the
 * client reads Waldur's JSON and strings (docs/waldur.md).
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

    /** The report-cli classes that read Tally's own YAML files, with Jackson's YAML parser and trees. */
    private static final Set<String> OWN_YAML = Set.of(
            "dev.tally.cli.template.YamlTree",
            "dev.tally.cli.template.YamlSchema",
            "dev.tally.cli.template.TemplateReader",
            "dev.tally.cli.template.ChartReader",
            "dev.tally.cli.report.Entitlements",
            "dev.tally.cli.report.publish.ExportConfig",
            "dev.tally.cli.report.publish.HistoryConfig",
            "dev.tally.cli.reconcile.SiteFormat",
            "dev.tally.cli.option.ConnectionOptions");

    /**
     * The report-cli classes that write JSON output: the management commands' {@code --output json}, the
     * renderer of {@code --format json}, and the explorer's answers.
     */
    private static final Set<String> JSON_WRITERS = Set.of(
            "dev.tally.cli.command.Output",
            "dev.tally.cli.render.JsonRenderer",
            "dev.tally.cli.serve.Reply");

    private static DescribedPredicate<JavaClass> oneOf(Set<String> names, String description) {
        return DescribedPredicate.describe(description, c -> names.contains(outermost(c).getName()));
    }

    private static JavaClass outermost(JavaClass c) {
        JavaClass k = c;
        while (k.getEnclosingClass().isPresent()) {
            k = k.getEnclosingClass().get();
        }
        return k;
    }

    /** Only api-client reads Waldur's JSON: report-cli gets records, summaries and text from it. */
    @Test
    void reportCliDoesNotReadWaldurJson() {
        DescribedPredicate<JavaClass> yaml = oneOf(OWN_YAML, "read Tally's own YAML");
        DescribedPredicate<JavaClass> writers = oneOf(JSON_WRITERS, "write JSON output");
        noClasses().that().resideInAPackage("dev.tally.cli..")
                .should().dependOnClassesThat().haveFullyQualifiedName("dev.tally.waldur.WaldurJson")
                .check(classes);
        noClasses().that().resideInAPackage("dev.tally.cli..").and(DescribedPredicate.not(yaml))
                .should().dependOnClassesThat().haveFullyQualifiedName("com.fasterxml.jackson.core.JsonParser")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("com.fasterxml.jackson.core.JsonToken")
                .check(classes);
        noClasses().that().resideInAPackage("dev.tally.cli..").and(DescribedPredicate.not(yaml.or(writers)))
                .should().dependOnClassesThat().haveFullyQualifiedName("com.fasterxml.jackson.databind.JsonNode")
                .check(classes);
    }

    /**
     * Jackson is the JSON writers' and the YAML readers' tool only: the commands, sources, reports and other
     * renderers hand records and tables to them ({@code ErrorText} names a Jackson failure in words).
     */
    @Test
    void jacksonOnlyInTheJsonWritersAndYamlReaders() {
        DescribedPredicate<JavaClass> allowed = oneOf(OWN_YAML, "read Tally's own YAML")
                .or(oneOf(JSON_WRITERS, "write JSON output"))
                .or(oneOf(Set.of("dev.tally.cli.ErrorText"), "describe errors"));
        noClasses().that().resideInAPackage("dev.tally.cli..").and(DescribedPredicate.not(allowed))
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
                .check(classes);
    }

    /**
     * Every YAML file Tally reads goes through the strict reader (duplicate keys, aliases, numbers that
     * overflow: docs/reliability.md, "Templates and configs"); nothing else creates a YAML parser or mapper.
     */
    @Test
    void onlyTheStrictReaderParsesYaml() {
        noClasses().that().resideInAPackage("dev.tally.cli..")
                .and().doNotHaveFullyQualifiedName("dev.tally.cli.template.YamlTree")
                .and(DescribedPredicate.describe("are not nested in YamlTree",
                        c -> !outermost(c).getName().equals("dev.tally.cli.template.YamlTree")))
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson.dataformat.yaml..")
                .check(classes);
    }

    /**
     * The core never reads Waldur's strings: its enums have no {@code parse(String)}; the client's
     * enums read the wire and report-cli maps them. (A query reads the core's own report labels with
     * {@code ofLabel}.)
     */
    @Test
    void coreEnumsParseNoWireStrings() {
        noMethods().that().areDeclaredInClassesThat().resideInAPackage("dev.tally.core..")
                .and().areDeclaredInClassesThat().areEnums()
                .and().haveRawParameterTypes(String.class)
                .and().haveName("parse")
                .should().beStatic()
                .because("Waldur's strings are typed once, in api-client's enums")
                .allowEmptyShould(true)
                .check(classes);
    }

    /**
     * Nor does it read Waldur's timestamps or UUIDs as text: the client hands it {@code Instant}s and hex
     * strings it only compares. A query's labels ({@code OrderType.ofLabel}, {@code OrderState.ofLabel}) are
     * read only by the filter language in {@code core.query}, never while facts are assembled.
     */
    @Test
    void coreParsesNoWireStrings() {
        noClasses().that().resideInAPackage("dev.tally.core..")
                .should().callMethod(Instant.class, "parse", CharSequence.class)
                .orShould().callMethod(OffsetDateTime.class, "parse", CharSequence.class)
                .orShould().callMethod(ZonedDateTime.class, "parse", CharSequence.class)
                .orShould().callMethod(UUID.class, "fromString", String.class)
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.format.DateTimeFormatter")
                .because("Waldur's strings are typed once, in api-client (docs/architecture.md)")
                .check(classes);
        DescribedPredicate<JavaMethodCall> readsALabel = DescribedPredicate.describe(
                "read a report label as an order type or state",
                call -> call.getName().equals("ofLabel") && call.getTargetOwner().getPackageName().equals("dev.tally.core.fact"));
        noClasses().that().resideInAPackage("dev.tally.core..").and().resideOutsideOfPackage("dev.tally.core.query..")
                .should().callMethodWhere(readsALabel)
                .check(classes);
    }
}
