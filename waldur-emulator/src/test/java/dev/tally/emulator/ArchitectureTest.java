package dev.tally.emulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The emulator's layers (docs/emulator.md, "Layout"): {@code http} parses requests and writes responses; every change
 * to the data goes through the store's lifecycle and operations ({@code OrderLifecycle}, {@code Organisations},
 * {@code ResourceEdits}, {@code UsageLedger}, {@code ScriptDryRuns}, {@code PlanPrices}, {@code MonthStart}), so the order state machine exists once.
 */
class ArchitectureTest {
    private static final String STORE = "dev.tally.emulator.store.";

    /** The members that change stored rows, tables or the logical clock, as owner.name. */
    private static final Set<String> MUTATORS = Set.of(
            STORE + "Table.add", STORE + "Table.remove", STORE + "Table.addAll", STORE + "Table.resort",
            STORE + "JsonRow.<init>", STORE + "UsageRow.<init>", STORE + "UsageRow.overwrite",
            STORE + "Store.tick", STORE + "Store.moveClock", STORE + "Store.newUuid", STORE + "Store.addUsage", STORE + "Store.dryRuns",
            STORE + "Store.addPlan", STORE + "Store.addUser");

    /** The mutable JSON tree of a stored row; http reads rows through {@code get}, {@code text} and {@code render}. */
    private static final String ROW_TREE = STORE + "JsonRow.node";

    /**
     * The store classes that may change its state: the lifecycle, the operations, the generator, and the store, its
     * tables and rows themselves.
     */
    private static final Set<String> WRITERS = Set.of("OrderLifecycle", "Organisations", "ResourceEdits",
            "UsageLedger", "ScriptDryRuns", "PlanPrices", "MonthStart", "DatasetGenerator", "Quirks", "Store", "Table", "JsonRow", "UsageRow");

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tally.emulator");
    }

    private static DescribedPredicate<JavaAccess<?>> to(String description, Set<String> members) {
        return new DescribedPredicate<>(description) {
            @Override
            public boolean test(JavaAccess<?> access) {
                return members.contains(access.getTargetOwner().getName() + "." + access.getName());
            }
        };
    }

    @Test
    void httpChangesTheStoreOnlyThroughItsOperations() {
        noClasses().that().resideInAPackage("dev.tally.emulator.http..")
                .should().accessTargetWhere(to("change store rows, tables or the clock", MUTATORS))
                .orShould().accessTargetWhere(to("take a stored row's mutable JSON tree", Set.of(ROW_TREE)))
                .check(classes);
    }

    @Test
    void onlyTheLifecycleAndOperationsChangeTheStore() {
        noClasses().that().resideInAPackage("dev.tally.emulator..")
                .and(new DescribedPredicate<>("are not one of the store's writers") {
                    @Override
                    public boolean test(com.tngtech.archunit.core.domain.JavaClass c) {
                        String top = c.getName().replaceAll("\\$.*", "");
                        return !(top.startsWith(STORE) && WRITERS.contains(top.substring(STORE.length())));
                    }
                })
                .should().accessTargetWhere(to("change store rows, tables or the clock", MUTATORS))
                .check(classes);
    }
}
