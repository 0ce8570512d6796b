package dev.tally.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tally.core.cost.BillingType;
import dev.tally.core.cost.ComponentPrice;
import dev.tally.core.cost.PriceList;
import dev.tally.core.country.CountryShare;
import dev.tally.core.country.CountrySource;
import dev.tally.core.dataset.Dataset;
import dev.tally.core.dataset.DatasetBuilder;
import dev.tally.core.fact.AllocationFact;
import dev.tally.core.fact.LimitChange;
import dev.tally.core.fact.LumiOptions;
import dev.tally.core.fact.UsageFact;
import dev.tally.core.ledger.GrantChange.Cause;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LedgerBuilderTest {
    private static final PriceList COMMON = PriceList.of("LUMI Common", BigDecimal.ZERO,
            List.of(new ComponentPrice("cpu_k_hours", BillingType.LIMIT, new BigDecimal("0.1"))));
    private static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
    private static final CountryShare FINLAND = CountryShare.country("Finland", CountrySource.NAME);

    private static AllocationFact alloc(String id, CountryShare share, Instant from, Instant until, String cpu,
            List<LimitChange> changes) {
        return new AllocationFact(id, "alloc " + id, "OK", "p-" + id, "Project " + id, null, "CSC", null,
                "LUMI " + share.name(), share, COMMON, Map.of("cpu_k_hours", new BigDecimal(cpu)), LumiOptions.NONE, from,
                until, changes);
    }

    private static LimitChange cut(String at, String cpu) {
        return new LimitChange(Instant.parse(at), COMMON, Map.of("cpu_k_hours", new BigDecimal(cpu)));
    }

    private static UsageFact usage(String id, int month, String value) {
        return new UsageFact(id, "cpu_k_hours", YearMonth.of(2026, month), new BigDecimal(value));
    }

    /**
     * The hand-computed case of docs/definitions.md, "Limits ledger": cpu 62 a month from 1 August 2026,
     * cut to 31 on 1 October; usage 31 (August), 30 (September), 62 (October); as of 1 November.
     */
    private static Dataset handComputed() {
        DatasetBuilder b = Dataset.builder(LocalDate.of(2026, 11, 1));
        b.add(alloc("a1", FINLAND, Instant.parse("2026-08-01T08:00:00Z"), null, "62",
                List.of(cut("2026-10-01T09:30:00Z", "31"))));
        b.addUsage(usage("a1", 8, "31")).addUsage(usage("a1", 9, "30")).addUsage(usage("a1", 10, "62"));
        return b.build();
    }

    @Test
    void grantedUsedBurnRateAndExhaustionOfTheHandComputedCase() {
        Ledger ledger = new LedgerBuilder(handComputed(), AS_OF, Map.of()).build(i -> true);
        assertEquals(LocalDate.of(2026, 10, 31), ledger.lastDay());
        AllocationLedger a = ledger.allocations().get(0);
        assertEquals(List.of(
                new GrantChange(LocalDate.of(2026, 8, 1), Cause.START, "cpu_k_hours", BigDecimal.ZERO, new BigDecimal("62")),
                new GrantChange(LocalDate.of(2026, 10, 1), Cause.CHANGE, "cpu_k_hours", new BigDecimal("62"), new BigDecimal("31"))),
                a.history());
        assertEquals(new BigDecimal("-31"), a.history().get(1).change());
        Balance cpu = a.balances().get(0);
        assertEquals(0, new BigDecimal("31").compareTo(cpu.limitNow()));
        // 62 (August) + 62 (September) + 31 (October)
        assertEquals(0, new BigDecimal("155").compareTo(cpu.granted()));
        assertEquals(0, new BigDecimal("123").compareTo(cpu.used()));
        assertEquals(0, new BigDecimal("32").compareTo(cpu.available()));
        // last 30 days = 2 … 31 October: 62 × 30 / 31 = 60 → 2 a day
        assertEquals(0, new BigDecimal("2").compareTo(cpu.burn30()));
        // last 90 days = 3 August … 31 October: 31 × 29 / 31 + 30 + 62 = 121 → 121 / 90 a day
        assertEquals(new BigDecimal("121").divide(new BigDecimal("90"), MathContext.DECIMAL128), cpu.burn90());
        // at 2 a day: November adds 31 and takes 60 (32 → 3); December loses 1 a day → zero on 3 December
        assertEquals(Exhaustion.on(LocalDate.of(2026, 12, 3)), cpu.exhaustion30());
        // at 121/90 a day: 32 + 3 × 31 − 92 × 121/90 = 1.311… after January; February loses 6.644/28 a day → 6 February
        assertEquals(Exhaustion.on(LocalDate.of(2027, 2, 6)), cpu.exhaustion90());
    }

    @Test
    void aScheduledEndBeforeTheExhaustionDateMeansNotBeforeTheAllocationEnds() {
        Ledger ledger = new LedgerBuilder(handComputed(), AS_OF, Map.of("a1", LocalDate.of(2026, 12, 2))).build(i -> true);
        Balance cpu = ledger.allocations().get(0).balances().get(0);
        assertEquals(Exhaustion.Kind.NOT_BEFORE_END, cpu.exhaustion30().kind());
        assertEquals("not before the allocation ends", cpu.exhaustion30().label());
        assertEquals(Exhaustion.on(LocalDate.of(2026, 12, 3)),
                new LedgerBuilder(handComputed(), AS_OF, Map.of("a1", LocalDate.of(2026, 12, 3))).build(i -> true)
                        .allocations().get(0).balances().get(0).exhaustion30());
    }

    @Test
    void aLimitCutLowersTheCountryTotalAndAnEndedAllocationLeavesIt() {
        DatasetBuilder b = Dataset.builder(LocalDate.of(2026, 11, 1));
        b.add(alloc("a1", FINLAND, Instant.parse("2026-08-01T08:00:00Z"), null, "62",
                List.of(cut("2026-10-01T09:30:00Z", "31"))));
        b.add(alloc("a2", FINLAND, Instant.parse("2026-09-16T00:00:00Z"), null, "30", List.of()));
        b.add(alloc("a3", FINLAND, Instant.parse("2026-09-01T00:00:00Z"), Instant.parse("2026-10-11T00:00:00Z"), "10",
                List.of()));
        b.add(alloc("a4", CountryShare.country("Sweden", CountrySource.NAME), Instant.parse("2026-10-01T00:00:00Z"), null,
                "5", List.of()));
        b.addUsage(usage("a2", 10, "3"));
        Ledger ledger = new LedgerBuilder(b.build(), AS_OF, Map.of()).build(i -> true);
        assertEquals(List.of("Finland", "Sweden"), ledger.shares().stream().map(ShareLedger::share).toList());
        ShareLedger finland = ledger.shares().get(0);
        assertEquals(3, finland.allocations());
        assertEquals(2, finland.running());
        Balance cpu = finland.balances().get(0);
        // 31 (a1 after its cut) + 30 (a2); a3 has ended
        assertEquals(0, new BigDecimal("61").compareTo(cpu.limitNow()));
        assertEquals(List.of(
                change("2026-08-01", Cause.START, "0", "62"),
                change("2026-09-01", Cause.START, "62", "72"),
                change("2026-09-16", Cause.START, "72", "102"),
                change("2026-10-01", Cause.CHANGE, "102", "71"),
                change("2026-10-11", Cause.END, "71", "61")), finland.history());
        // a1 155, a2 15 + 30, a3 10 + 10 × 10/31
        BigDecimal a3 = new BigDecimal("100").divide(new BigDecimal("31"), MathContext.DECIMAL128);
        assertEquals(new BigDecimal("210").add(a3).stripTrailingZeros(), cpu.granted().stripTrailingZeros());
        // what lapsed with a3 is not available
        assertEquals(0, new BigDecimal("197").compareTo(cpu.available())); // a1 155 (no usage here), a2 45 − 3
        assertEquals(0, new BigDecimal("3").compareTo(cpu.used()));
        assertEquals(Exhaustion.Kind.NOT_BEFORE_END, cpu.exhaustion30().kind());
        assertEquals(Exhaustion.Kind.ENDED, ledger.allocations().get(2).balances().get(0).exhaustion30().kind());
        MonthPoint october = finland.points().get(finland.points().size() - 1);
        assertEquals(YearMonth.of(2026, 10), october.month());
        assertEquals(0, cpu.granted().compareTo(october.granted()));
        assertEquals(0, new BigDecimal("3").compareTo(october.used()));
    }

    @Test
    void noUsageAndAlreadyUsedUp() {
        DatasetBuilder b = Dataset.builder(LocalDate.of(2026, 11, 1));
        b.add(alloc("a1", FINLAND, Instant.parse("2026-10-01T00:00:00Z"), null, "31", List.of()));
        b.add(alloc("a2", FINLAND, Instant.parse("2026-10-01T00:00:00Z"), null, "31", List.of()));
        b.addUsage(usage("a2", 10, "40"));
        Ledger ledger = new LedgerBuilder(b.build(), AS_OF, Map.of()).build(i -> true);
        assertEquals("no usage", ledger.allocations().get(0).balances().get(0).exhaustion30().label());
        assertEquals("already used up", ledger.allocations().get(1).balances().get(0).exhaustion90().label());
        assertEquals(1, new LedgerBuilder(b.build(), AS_OF, Map.of()).build(i -> i == 1).allocations().size());
    }

    private static GrantChange change(String day, Cause cause, String before, String after) {
        return new GrantChange(LocalDate.parse(day), cause, "cpu_k_hours", new BigDecimal(before), new BigDecimal(after));
    }
}
