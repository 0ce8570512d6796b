package dev.tally.core.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which prices a month had (docs/definitions.md, "Prices that change"). */
class PriceHistoryTest {
    private static PriceHistory.Observation seen(String month, String cpu, String futureCpu) {
        return new PriceHistory.Observation(YearMonth.parse(month), "pl", Map.of("cpu", new BigDecimal(cpu)),
                futureCpu == null ? Map.of() : Map.of("cpu", new BigDecimal(futureCpu)));
    }

    private static String cpu(PriceHistory h, String month) {
        PriceHistory.InForce f = h.inForce("pl", YearMonth.parse(month));
        return f.prices().get("cpu").toPlainString() + (f.known() ? "" : " assumed from " + f.source());
    }

    @Test
    void aPlanThatNeverHadAFuturePriceHadItsPricesAllAlong() {
        PriceHistory h = PriceHistory.of(List.of(seen("2026-10", "0.1", null)));
        assertThat(h.mayHaveChanged("pl")).isFalse();
        assertThat(cpu(h, "2024-01")).isEqualTo("0.1");
        assertThat(h.inForce("other", YearMonth.parse("2024-01"))).isNull();
    }

    @Test
    void aFuturePriceAppliesFromTheNextMonthAndEarlierMonthsAreAssumed() {
        // seen in October with 0.2 pending: November on costs 0.2; before October nothing is known
        PriceHistory h = PriceHistory.of(List.of(seen("2026-10", "0.1", "0.2")));
        assertThat(cpu(h, "2026-10")).isEqualTo("0.1");
        assertThat(cpu(h, "2026-11")).isEqualTo("0.2");
        assertThat(cpu(h, "2026-09")).isEqualTo("0.1 assumed from 2026-10");
    }

    @Test
    void aSnapshotOfTheMonthWinsAndMonthsBetweenAgreeingSnapshotsAreKnown() {
        // March saw 0.05 with 0.1 pending; June (the current snapshot) sees 0.1, its future price left behind
        PriceHistory h = PriceHistory.of(List.of(seen("2026-03", "0.05", "0.1"), seen("2026-06", "0.1", "0.1")));
        assertThat(cpu(h, "2026-03")).isEqualTo("0.05");
        assertThat(cpu(h, "2026-04")).isEqualTo("0.1");
        assertThat(cpu(h, "2026-05")).isEqualTo("0.1");
        assertThat(cpu(h, "2026-02")).isEqualTo("0.05 assumed from 2026-03");
        // March without any pending price: the plan had 0.05 until then (so February is known), and the change fell
        // somewhere in April…June, so those months are assumed
        PriceHistory gap = PriceHistory.of(List.of(seen("2026-03", "0.05", null), seen("2026-06", "0.1", "0.1")));
        assertThat(cpu(gap, "2026-02")).isEqualTo("0.05");
        assertThat(cpu(gap, "2026-04")).isEqualTo("0.05 assumed from 2026-03");
        assertThat(cpu(gap, "2026-06")).isEqualTo("0.1");
    }

    @Test
    void repricingReplacesOnlyTheListedComponents() {
        PriceList plan = PriceList.of("pl", "Common", PlanUnit.MONTH, BigDecimal.ZERO, List.of(
                new ComponentPrice("cpu", BillingType.LIMIT, new BigDecimal("0.1")),
                new ComponentPrice("gpu", BillingType.LIMIT, new BigDecimal("0.5"))));
        PriceList repriced = PriceHistory.priced(plan, Map.of("cpu", new BigDecimal("0.05")));
        assertThat(repriced.priceOf("cpu")).isEqualByComparingTo("0.05");
        assertThat(repriced.priceOf("gpu")).isEqualByComparingTo("0.5");
        assertThat(PriceHistory.priced(plan, Map.of("cpu", new BigDecimal("0.100")))).isSameAs(plan);
    }
}
