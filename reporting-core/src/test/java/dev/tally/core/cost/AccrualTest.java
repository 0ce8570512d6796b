package dev.tally.core.cost;

import static dev.tally.core.Fixtures.allocation;
import static dev.tally.core.Fixtures.change;
import static dev.tally.core.Fixtures.limits;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.core.country.CountryShare;
import dev.tally.core.country.CountrySource;
import dev.tally.core.dataset.Dataset;
import dev.tally.core.fact.AllocationFact;
import dev.tally.core.fact.LimitChange;
import dev.tally.core.fact.LumiOptions;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-computed examples of the cost and limit definitions (docs/definitions.md), asserted exactly. */
class AccrualTest {
    private static RowFigures month(AllocationFact f, String month) {
        Dataset d = Dataset.of(List.of(f), LocalDate.of(2030, 1, 1));
        YearMonth m = YearMonth.parse(month);
        RowFigures out = new RowFigures(d.components().size());
        boolean existed = Accrual.over(d, (int) m.atDay(1).toEpochDay(), (int) m.atEndOfMonth().toEpochDay())
                .month(0, Dataset.epochMonth(m), out);
        return existed ? out : null;
    }

    private static BigDecimal limit(AllocationFact f, String month, String component) {
        Dataset d = Dataset.of(List.of(f), LocalDate.of(2030, 1, 1));
        return month(f, month).limit(d.componentIndex(component));
    }

    @Test
    void seedAllocationCostsExactly1_301ForAFullMonth() {
        AllocationFact seed = allocation("r", "p", "Denmark", limits("cpu_k_hours", 3, "gb_k_hours", 1, "gpu_k_hours", 2),
                "2025-01-01T00:00:00Z", null);

        assertThat(month(seed, "2025-02").cost()).isEqualByComparingTo("1.301");
    }

    @Test
    void partialFirstMonthCountsTheDaysFromCreation() {
        // created 10 March: 22 of 31 days at 10 × 0.1
        AllocationFact f = allocation("r", "p", "Denmark", limits("cpu_k_hours", 10), "2025-03-10T08:00:00Z", null);

        assertThat(month(f, "2025-03").cost()).isEqualByComparingTo("0.7096774193548387096774193548387097");
        assertThat(limit(f, "2025-03", "cpu_k_hours")).isEqualByComparingTo("7.096774193548387096774193548387097");
    }

    @Test
    void limitChangeMidMonthAppliesFromItsDay() {
        // 15 days at 10 and 15 days at 20, × 0.1, over 30 days
        AllocationFact f = allocation("r", "p", "Denmark", limits("cpu_k_hours", 10), "2025-01-01T00:00:00Z", null,
                change("2025-04-16T12:00:00Z", limits("cpu_k_hours", 20)));

        assertThat(month(f, "2025-04").cost()).isEqualByComparingTo("1.5");
        assertThat(limit(f, "2025-04", "cpu_k_hours")).isEqualByComparingTo("15");
        assertThat(month(f, "2025-05").cost()).isEqualByComparingTo("2");
    }

    @Test
    void terminateMidMonthCountsItsDay() {
        // terminated during 10 June: 10 of 30 days at 2 × 0.5
        AllocationFact f = allocation("r", "p", "Denmark", limits("gpu_k_hours", 2), "2025-01-01T00:00:00Z",
                "2025-06-10T15:00:00Z");

        assertThat(month(f, "2025-06").cost()).isEqualByComparingTo("0.3333333333333333333333333333333333");
        assertThat(month(f, "2025-07")).isNull();
    }

    @Test
    void terminateAtMidnightDoesNotCountThatDay() {
        AllocationFact f = allocation("r", "p", "Denmark", limits("gpu_k_hours", 3), "2025-01-01T00:00:00Z",
                "2025-06-11T00:00:00Z");

        assertThat(month(f, "2025-06").cost()).isEqualByComparingTo("0.5");
    }

    @Test
    void leapYearFebruaryHas29Days() {
        // 15 to 29 February 2024: 15 of 29 days at 29 × 0.1
        AllocationFact f = allocation("r", "p", "Denmark", limits("cpu_k_hours", 29), "2024-02-15T00:00:00Z", null);

        assertThat(month(f, "2024-02").cost()).isEqualByComparingTo("1.5");
        assertThat(limit(f, "2024-02", "cpu_k_hours")).isEqualByComparingTo("15");
    }

    @Test
    void neverActiveAllocationHasNoMonths() {
        AllocationFact f = allocation("r", "p", "Denmark", limits("cpu_k_hours", 29), null, null);

        assertThat(month(f, "2024-02")).isNull();
    }

    private static AllocationFact on(PriceList plan, Map<String, BigDecimal> limits, String from, String until,
            LimitChange... changes) {
        return new AllocationFact("r", "r", "OK", "p", "P", null, "C", null, "LUMI Denmark",
                CountryShare.country("Denmark", CountrySource.NAME), plan, limits, LumiOptions.NONE, Instant.parse(from),
                until == null ? null : Instant.parse(until), List.of(changes));
    }

    @Test
    void monthlyUnitPriceAndFixedComponentsAreProratedLikeLimits() {
        PriceList plan = PriceList.of("p1", "Plan", PlanUnit.MONTH, new BigDecimal("31"), List.of(
                new ComponentPrice("support", BillingType.FIXED, new BigDecimal("2"), null, new BigDecimal("31"))));
        AllocationFact f = on(plan, Map.of(), "2025-01-11T00:00:00Z", null);

        // (31 + 2 × 31) × 21 / 31 days
        assertThat(month(f, "2025-01").cost()).isEqualByComparingTo("63");
    }

    @Test
    void dailyUnitPriceIsChargedPerDay() {
        PriceList plan = PriceList.of("p1", "Plan", PlanUnit.DAY, new BigDecimal("0.25"), List.of());
        AllocationFact f = on(plan, Map.of(), "2025-01-11T00:00:00Z", null);

        assertThat(month(f, "2025-01").cost()).isEqualByComparingTo("5.25");
    }

    @Test
    void oneTimeComponentIsChargedInTheActivationMonthOnly() {
        PriceList plan = PriceList.of("p1", "Plan", PlanUnit.MONTH, BigDecimal.ZERO, List.of(
                new ComponentPrice("setup", BillingType.ONE, new BigDecimal("100"), null, BigDecimal.ONE)));
        AllocationFact f = on(plan, Map.of(), "2025-01-11T00:00:00Z", null);

        assertThat(month(f, "2025-01").cost()).isEqualByComparingTo("100");
        assertThat(month(f, "2025-02").cost()).isEqualByComparingTo("0");
    }

    @Test
    void quarterlyLimitIsChargedInTheQuarterFirstMonthProratedByQuarterDays() {
        PriceList plan = PriceList.of("p1", "Plan", PlanUnit.MONTH, BigDecimal.ZERO, List.of(
                new ComponentPrice("cpu_k_hours", BillingType.LIMIT, new BigDecimal("1"), LimitPeriod.QUARTERLY, null)));
        // from 1 February: 59 of the first quarter's 90 days (2025) at 90 × 1, charged on 1 February
        AllocationFact f = on(plan, Map.of("cpu_k_hours", new BigDecimal("90")), "2025-02-01T00:00:00Z", null);

        assertThat(month(f, "2025-01")).isNull();
        assertThat(month(f, "2025-02").cost()).isEqualByComparingTo("59");
        assertThat(month(f, "2025-03").cost()).isEqualByComparingTo("0");
        assertThat(month(f, "2025-04").cost()).isEqualByComparingTo("90");
    }

    @Test
    void annualLimitIsChargedInTheAnniversaryMonth() {
        PriceList plan = PriceList.of("p1", "Plan", PlanUnit.MONTH, BigDecimal.ZERO, List.of(
                new ComponentPrice("cpu_k_hours", BillingType.LIMIT, new BigDecimal("0.5"), LimitPeriod.ANNUAL, null)));
        AllocationFact f = on(plan, Map.of("cpu_k_hours", new BigDecimal("12")), "2025-03-05T00:00:00Z", null);

        assertThat(month(f, "2025-03").cost()).isEqualByComparingTo("6");
        assertThat(month(f, "2025-09").cost()).isEqualByComparingTo("0");
        assertThat(month(f, "2026-03").cost()).isEqualByComparingTo("6");
    }

    @Test
    void totalLimitIsChargedOnceAndChangesBillTheDifference() {
        PriceList plan = PriceList.of("p1", "Plan", PlanUnit.MONTH, BigDecimal.ZERO, List.of(
                new ComponentPrice("cpu_k_hours", BillingType.LIMIT, new BigDecimal("0.1"), LimitPeriod.TOTAL, null)));
        AllocationFact f = on(plan, Map.of("cpu_k_hours", new BigDecimal("100")), "2025-01-20T00:00:00Z", null,
                new LimitChange(Instant.parse("2025-03-02T10:00:00Z"), plan, Map.of("cpu_k_hours", new BigDecimal("130"))));

        assertThat(month(f, "2025-01").cost()).isEqualByComparingTo("10");
        assertThat(month(f, "2025-02").cost()).isEqualByComparingTo("0");
        assertThat(month(f, "2025-03").cost()).isEqualByComparingTo("3");
    }

    @Test
    void planSwitchChargesTheNewPlansFewComponents() {
        PriceList basic = PriceList.of("b", "Basic", PlanUnit.MONTH, new BigDecimal("30"), List.of());
        PriceList big = PriceList.of("g", "Big", PlanUnit.MONTH, new BigDecimal("60"), List.of(
                new ComponentPrice("switch", BillingType.FEW, new BigDecimal("5"), null, new BigDecimal("2"))));
        AllocationFact f = on(basic, Map.of(), "2025-01-01T00:00:00Z", null,
                new LimitChange(Instant.parse("2025-04-11T00:00:00Z"), big, Map.of()));

        // 10 days of Basic (30 × 10) and 20 days of Big (60 × 20) over 30 days, plus the switch charge 5 × 2
        assertThat(month(f, "2025-04").cost()).isEqualByComparingTo("60");
    }

    @Test
    void aCallerAskingForSomeFiguresGetsExactlyThoseInAMonthNotFilled() {
        // created 10 March: 22 of 31 days; usage reported for February, March and April
        AllocationFact f = allocation("r", "p", "Denmark", limits("cpu_k_hours", 10, "gpu_k_hours", 2),
                "2025-03-10T08:00:00Z", null);
        Dataset d = Dataset.builder(LocalDate.of(2030, 1, 1)).add(f)
                .addUsage("r", "cpu_k_hours", Dataset.epochMonth(YearMonth.of(2025, 2)), new BigDecimal("1.5"))
                .addUsage("r", "cpu_k_hours", Dataset.epochMonth(YearMonth.of(2025, 3)), new BigDecimal("4.25"))
                .addUsage("r", "gpu_k_hours", Dataset.epochMonth(YearMonth.of(2025, 3)), new BigDecimal("0.5"))
                .addUsage("r", "cpu_k_hours", Dataset.epochMonth(YearMonth.of(2025, 4)), new BigDecimal("9"))
                .build();
        int cpu = d.componentIndex("cpu_k_hours");
        int gpu = d.componentIndex("gpu_k_hours");
        int from = (int) LocalDate.of(2025, 3, 1).toEpochDay();
        int to = (int) LocalDate.of(2025, 3, 31).toEpochDay();
        int march = Dataset.epochMonth(YearMonth.of(2025, 3));
        boolean[] cpuOnly = new boolean[d.components().size()];
        cpuOnly[cpu] = true;

        RowFigures all = new RowFigures(d.components().size());
        RowFigures some = new RowFigures(d.components().size());
        RowFigures usageOnly = new RowFigures(d.components().size());
        assertThat(Accrual.over(d, from, to).month(0, march, all)).isTrue();
        assertThat(Accrual.over(d, from, to, false, cpuOnly).month(0, march, some)).isTrue();
        assertThat(Accrual.over(d, from, to, false, new boolean[d.components().size()]).month(0, march, usageOnly))
                .isTrue();

        // 22/31 × (10 × 0.1 + 2 × 0.5); limits 22/31 × 10 and 22/31 × 2
        assertThat(all.cost()).isEqualByComparingTo("1.419354838709677419354838709677419");
        assertThat(all.limit(cpu)).isEqualByComparingTo("7.096774193548387096774193548387097");
        assertThat(all.limit(gpu)).isEqualByComparingTo("1.419354838709677419354838709677419");
        assertThat(some.limit(cpu)).isEqualTo(all.limit(cpu));
        assertThat(some.limit(gpu)).isNull();
        assertThat(some.cost()).isZero();
        assertThat(usageOnly.limit(cpu)).isNull();
        assertThat(usageOnly.cost()).isZero();
        // the month's usage, not February's or April's, whichever figures were asked for
        for (RowFigures r : List.of(all, some, usageOnly)) {
            assertThat(r.usage(cpu)).isEqualByComparingTo("4.25");
            assertThat(r.usage(gpu)).isEqualByComparingTo("0.5");
            assertThat(r.plan()).isEqualTo(all.plan());
        }
    }
}
