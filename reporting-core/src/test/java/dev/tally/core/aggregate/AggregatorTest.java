package dev.tally.core.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.core.cost.BillingType;
import dev.tally.core.cost.ComponentPrice;
import dev.tally.core.cost.PriceList;
import dev.tally.core.country.CountryShare;
import dev.tally.core.country.CountrySource;
import dev.tally.core.fact.AllocationFact;
import dev.tally.core.fact.LumiOptions;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AggregatorTest {
    static final PriceList PRICES = PriceList.of("LUMI Common", BigDecimal.ZERO, List.of(
            new ComponentPrice("cpu_k_hours", BillingType.LIMIT, new BigDecimal("0.1")),
            new ComponentPrice("gpu_k_hours", BillingType.LIMIT, new BigDecimal("0.5")),
            new ComponentPrice("gb_k_hours", BillingType.LIMIT, new BigDecimal("0.001"))));

    static AllocationFact fact(String id, String project, String country, long cpu, long gpu, String from, String until) {
        return new AllocationFact(id, id, "OK", project, "Project " + project, "Allocator", "LUMI " + country,
                CountryShare.country(country, CountrySource.NAME), PRICES,
                Map.of("cpu_k_hours", BigDecimal.valueOf(cpu), "gpu_k_hours", BigDecimal.valueOf(gpu)),
                LumiOptions.NONE, from == null ? null : Instant.parse(from), until == null ? null : Instant.parse(until));
    }

    @Test
    void sumsProratedCostAndLimitsPerCountryShareForAllocationsThatExistedInTheMonth() {
        List<AllocationFact> facts = List.of(
                fact("r1", "p1", "Denmark", 10, 2, "2026-01-05T00:00:00Z", null),
                fact("r2", "p2", "Denmark", 4, 0, "2026-09-30T12:00:00Z", null),
                fact("r3", "p1", "Finland", 1, 1, "2025-01-01T00:00:00Z", "2026-10-15T00:00:00Z"),
                fact("r4", "p3", "Finland", 100, 100, "2026-11-01T00:00:00Z", null),
                fact("r5", "p3", "Finland", 100, 100, null, null),
                fact("r6", "p4", "Norway", 7, 0, "2025-01-01T00:00:00Z", "2026-10-01T00:00:00Z"));

        MonthlySummary s = Aggregator.summarise(facts, YearMonth.of(2026, 10));

        assertThat(s.shares()).extracting(ShareSummary::share, ShareSummary::allocations, ShareSummary::projects, ShareSummary::cost)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Denmark", 2, 2, new BigDecimal("2.4")),
                        org.assertj.core.groups.Tuple.tuple("Finland", 1, 1, new BigDecimal("0.2709677419354838709677419354838710")));
        // r3 ends at midnight on 15 October: it existed 14 of 31 days, so 0.6 × 14 / 31
        assertThat(s.totalCost()).isEqualByComparingTo("2.6709677419354838709677419354838710");
        assertThat(s.totalLimits().get("cpu_k_hours")).isEqualByComparingTo("14.4516129032258064516129032258064516");
        assertThat(s.projectCount()).isEqualTo(2);
    }

    @Test
    void projectRowsAddUpToTheShareTotals() {
        List<AllocationFact> facts = List.of(
                fact("r1", "p1", "Denmark", 10, 2, "2026-01-05T00:00:00Z", null),
                fact("r2", "p1", "Denmark", 3, 1, "2026-01-05T00:00:00Z", null),
                fact("r3", "p2", "Denmark", 5, 5, "2026-01-05T00:00:00Z", null));

        MonthlySummary s = Aggregator.summarise(facts, YearMonth.of(2026, 10));

        assertThat(s.projects()).extracting(ProjectSummary::projectId, ProjectSummary::allocations, ProjectSummary::cost)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("p1", 2, new BigDecimal("2.8")),
                        org.assertj.core.groups.Tuple.tuple("p2", 1, new BigDecimal("3.0")));
        assertThat(s.projects().stream().map(ProjectSummary::cost).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(s.totalCost());
    }
}
