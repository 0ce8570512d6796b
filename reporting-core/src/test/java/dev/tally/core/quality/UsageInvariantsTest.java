package dev.tally.core.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tally.core.country.CountryResolver;
import dev.tally.core.dataset.Dataset;
import dev.tally.core.input.FactAssembler;
import dev.tally.core.input.SourceData;
import dev.tally.core.input.Snapshots;
import dev.tally.core.input.UsageInput;
import dev.tally.core.query.Period;
import dev.tally.core.query.Query;
import dev.tally.core.query.QueryEngine;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Usages that cannot be right are errors, and a query is told which findings concern what it counts. */
class UsageInvariantsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-04-15T09:00:00Z"), ZoneOffset.UTC);

    /** The example snapshot with two more usage reports for r1 in 2025-02: -3 cpu_k_hours and 7 tape_hours. */
    private static Dataset withBadUsages() {
        SourceData example = Snapshots.example();
        List<UsageInput> usages = new ArrayList<>();
        for (int k = 0; k < example.usages().size(); k++) {
            usages.add(new UsageInput(example.usages().resourceId(k), example.usages().component(k), example.usages().usage(k),
                    Dataset.month(example.usages().epochMonth(k)).atDay(1), Instant.parse("2025-03-01T00:00:00Z")));
        }
        usages.add(new UsageInput("r1", "cpu_k_hours", new BigDecimal("-3"), LocalDate.parse("2025-02-01"),
                Instant.parse("2025-03-01T00:00:00Z")));
        usages.add(new UsageInput("r1", "tape_hours", new BigDecimal("7"), LocalDate.parse("2025-02-01"),
                Instant.parse("2025-03-01T00:00:00Z")));
        return new FactAssembler(CountryResolver.standard(), CLOCK)
                .assemble(new SourceData(example.offerings(), example.resources(), example.orders(), usages));
    }

    @Test
    void aNegativeUsageAndAComponentThePlanLacksAreErrors() {
        List<Finding> findings = DataQuality.check(withBadUsages());

        assertThat(findings).filteredOn(f -> f.kind() == FindingKind.NEGATIVE_USAGE || f.kind() == FindingKind.USAGE_NOT_IN_OFFERING)
                .extracting(Finding::severity, Finding::kind, Finding::subject, Finding::message).containsExactly(
                        tuple(Severity.ERROR, FindingKind.NEGATIVE_USAGE, "r1",
                                "resource r1 reported -3 cpu_k_hours in 2025-02, below zero; counted as reported"),
                        tuple(Severity.ERROR, FindingKind.USAGE_NOT_IN_OFFERING, "r1",
                                "resource r1 reported tape_hours in 2025-02, a component its plan 'LUMI Common' does not have; counted as reported"));
    }

    @Test
    void aQueryIsToldTheFindingsAboutWhatItCounts() {
        Dataset d = withBadUsages();
        List<Finding> findings = DataQuality.check(d);

        Query onlyR1 = Query.builder(Period.month(YearMonth.of(2025, 2))).measures("usage.cpu_k_hours").filter("allocation = r1").build();
        // r2's create order never completed: it has no allocation month, so the answer counts nothing of it
        Query onlyR2 = Query.builder(Period.month(YearMonth.of(2025, 2))).measures("usage.cpu_k_hours").filter("allocation = r2").build();
        Query all = Query.builder(Period.month(YearMonth.of(2025, 2))).measures("usage.cpu_k_hours").build();

        assertThat(DataQuality.affecting(d, findings, QueryEngine.counted(d, onlyR1))).extracting(Finding::kind, Finding::subject)
                .containsExactly(tuple(FindingKind.NEGATIVE_USAGE, "r1"), tuple(FindingKind.USAGE_NOT_IN_OFFERING, "r1"),
                        tuple(FindingKind.USAGE_ABOVE_LIMIT, "r1"));
        assertThat(DataQuality.affecting(d, findings, QueryEngine.counted(d, onlyR2))).isEmpty();
        assertThat(DataQuality.affecting(d, findings, QueryEngine.counted(d, all))).extracting(Finding::kind)
                .contains(FindingKind.NEGATIVE_USAGE, FindingKind.USAGE_NOT_IN_OFFERING, FindingKind.UNASSIGNED_COUNTRY)
                .doesNotContain(FindingKind.DUPLICATE_USAGE, FindingKind.ORDER_WITHOUT_RESOURCE);
    }
}
