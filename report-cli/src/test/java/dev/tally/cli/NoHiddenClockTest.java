package dev.tally.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No hidden clock: main code of every module reads the wall clock only in the composition root
 * ({@link Main#main}), which hands a {@link java.time.Clock} down. This is what a static rule can
 * see, calls and method references alike; the dates in {@code RunDateTest} check the outputs.
 */
class NoHiddenClockTest {
    /** Owner → members that read the wall clock when called without a {@code Clock}. */
    private static final List<String> WALL_CLOCK = List.of(
            "java.time.Clock.systemUTC", "java.time.Clock.systemDefaultZone", "java.time.Clock.system",
            "java.time.Instant.now", "java.time.LocalDate.now", "java.time.LocalDateTime.now", "java.time.LocalTime.now",
            "java.time.YearMonth.now", "java.time.Year.now", "java.time.ZonedDateTime.now", "java.time.OffsetDateTime.now",
            "java.lang.System.currentTimeMillis", "java.util.Date.<init>", "java.util.Calendar.getInstance");

    /** Where a wall-clock read is allowed, and why. */
    private static final Set<String> ALLOWED = Set.of(
            // the composition root
            "dev.tally.cli.Main",
            // a Retry-After date is measured from the response's own Date header; only a response without one
            // falls back to Instant.now(), which then decides a wait, never an output
            "dev.tally.waldur.http.RetryAfter");

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tally");
    }

    private static final DescribedPredicate<JavaAccess<?>> READS_THE_WALL_CLOCK =
            new DescribedPredicate<>("read the wall clock") {
                @Override
                public boolean test(JavaAccess<?> access) {
                    String target = access.getTargetOwner().getName() + "." + access.getName();
                    if (!WALL_CLOCK.contains(target)) {
                        return false;
                    }
                    // now(Clock), Date(long) and the like take their time from the caller
                    return access.getTarget() instanceof com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget c
                            && c.getRawParameterTypes().stream().noneMatch(p -> p.getName().equals("java.time.Clock")
                                    || p.getName().equals("long"));
                }
            };

    @Test
    void onlyTheCompositionRootReadsTheWallClock() {
        noClasses().that(DescribedPredicate.describe("are not allowed to", c -> !ALLOWED.contains(c.getName())))
                .should().accessTargetWhere(READS_THE_WALL_CLOCK)
                .because("a report depends only on its snapshot and options; the clock comes from Main (docs/architecture.md)")
                .check(classes);
    }

    @Test
    void theRuleSeesCallsAndMethodReferences() {
        // the allowed classes do read the wall clock: without the exception, the rule must fail on them
        var retryAfter = classes.get("dev.tally.waldur.http.RetryAfter");
        var main = classes.get(Main.class);
        org.assertj.core.api.Assertions.assertThat(retryAfter.getAccessesFromSelf().stream().filter(READS_THE_WALL_CLOCK))
                .as("RetryAfter's Instant::now").isNotEmpty();
        org.assertj.core.api.Assertions.assertThat(main.getAccessesFromSelf().stream().filter(READS_THE_WALL_CLOCK))
                .as("Main's Clock.systemUTC()").isNotEmpty();
    }
}
