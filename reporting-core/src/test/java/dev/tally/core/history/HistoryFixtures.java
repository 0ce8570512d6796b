package dev.tally.core.history;

import static dev.tally.core.Fixtures.allocation;
import static dev.tally.core.Fixtures.change;
import static dev.tally.core.Fixtures.limits;

import dev.tally.core.cost.BillingType;
import dev.tally.core.cost.ComponentPrice;
import dev.tally.core.cost.PlanUnit;
import dev.tally.core.cost.PriceList;
import dev.tally.core.dataset.Dataset;
import dev.tally.core.dataset.DatasetBuilder;
import dev.tally.core.fact.AllocationFact;
import dev.tally.core.fact.UsageFact;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Two hand-built datasets a month apart. From the older (2026-10-02) to the newer (2026-11-02): A's
 * September GPU usage corrected 1.5 → 1.8 and its August CPU usage reported late (2); A's GPU limit cut
 * 2 → 1 on 2026-10-15; A terminated on 2026-10-20; LUMI Sweden's GPU price 0.5 → 0.6 (B's plan); C added.
 */
final class HistoryFixtures {
    private static final PriceList SWEDEN = sweden("0.5");
    private static final PriceList DEARER = sweden("0.6");

    private HistoryFixtures() {
    }

    static Dataset older() {
        DatasetBuilder b = Dataset.builder(LocalDate.parse("2026-10-02"));
        b.add(a(null));
        b.add(b(SWEDEN));
        b.addUsage(new UsageFact("A", "gpu_k_hours", YearMonth.parse("2026-09"), new BigDecimal("1.5")));
        return b.build();
    }

    static Dataset newer() {
        DatasetBuilder b = Dataset.builder(LocalDate.parse("2026-11-02"));
        b.add(a("2026-10-20T12:00:00Z"));
        b.add(b(DEARER));
        b.add(allocation("C", "p3", "Norway", limits("cpu_k_hours", 1), "2026-10-25T00:00:00Z", null));
        b.addUsage(new UsageFact("A", "gpu_k_hours", YearMonth.parse("2026-09"), new BigDecimal("1.8")));
        b.addUsage(new UsageFact("A", "cpu_k_hours", YearMonth.parse("2026-08"), new BigDecimal("2")));
        return b.build();
    }

    private static AllocationFact a(String until) {
        return allocation("A", "p1", "Finland", limits("cpu_k_hours", 3, "gpu_k_hours", 2), "2026-09-01T00:00:00Z", until,
                until == null ? new dev.tally.core.fact.LimitChange[0]
                        : new dev.tally.core.fact.LimitChange[] {change("2026-10-15T00:00:00Z", limits("cpu_k_hours", 3, "gpu_k_hours", 1))});
    }

    /** A plan "LUMI Sweden" (UUID plan-se) whose GPU k-hour costs {@code gpuPrice} a month. */
    private static PriceList sweden(String gpuPrice) {
        return PriceList.of("plan-se", "LUMI Sweden", PlanUnit.MONTH, BigDecimal.ZERO, List.of(
                new ComponentPrice("gpu_k_hours", BillingType.LIMIT, new BigDecimal(gpuPrice))));
    }

    /** B: 4 GPU k-hours a month in Sweden from 2026-08-01, on {@code plan}. */
    private static AllocationFact b(PriceList plan) {
        AllocationFact plain = allocation("B", "p2", "Sweden", limits("gpu_k_hours", 4), "2026-08-01T00:00:00Z", null);
        return new AllocationFact(plain.resourceId(), plain.resourceName(), plain.state(), plain.projectId(),
                plain.projectName(), plain.customerId(), plain.customerName(), plain.offeringId(), plain.offeringName(),
                plain.share(), plan, plain.limits(), plain.options(), plain.activeFrom(), plain.activeUntil(), List.of());
    }
}
