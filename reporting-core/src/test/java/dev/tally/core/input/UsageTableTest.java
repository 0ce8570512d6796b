package dev.tally.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.core.dataset.Dataset;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class UsageTableTest {
    private static final int MARCH = Dataset.epochMonth(YearMonth.of(2025, 3));
    private static final int APRIL = Dataset.epochMonth(YearMonth.of(2025, 4));

    @Test
    void keepsEachUsageWithItsScaleIncludingValuesBeyondALong() {
        UsageTable t = new UsageTable(1);

        t.add("r1", "cpu_k_hours", MARCH, new BigDecimal("1.50"), null);
        t.add("r1", "gpu_k_hours", MARCH, 7, 0, Instant.parse("2025-04-01T00:00:00.000001Z"));
        t.add("r2", "cpu_k_hours", APRIL, new BigDecimal("123456789012345678901234.5"), null);
        t.add("r2", "cpu_k_hours", APRIL, new BigDecimal("1E+3"), null);

        assertThat(t.size()).isEqualTo(4);
        assertThat(t.usage(0)).isEqualTo(new BigDecimal("1.50"));
        assertThat(t.usage(1)).isEqualTo(new BigDecimal("7"));
        assertThat(t.usage(2)).isEqualTo(new BigDecimal("123456789012345678901234.5"));
        assertThat(t.usage(3)).isEqualTo(new BigDecimal("1E+3"));
        assertThat(t.reportedAt(0)).isNull();
        assertThat(t.reportedAt(1)).isEqualTo(Instant.parse("2025-04-01T00:00:00.000001Z"));
        assertThat(t.resourceId(2)).isEqualTo("r2");
        assertThat(t.component(1)).isEqualTo("gpu_k_hours");
        assertThat(t.epochMonth(3)).isEqualTo(APRIL);
    }

    @Test
    void latestReportWinsPerKeyInTheOrderKeysFirstAppear() {
        UsageTable t = new UsageTable();
        t.add("r2", "cpu_k_hours", MARCH, 1, 0, Instant.parse("2025-04-01T00:00:00Z"));       // 0: r2 cpu March
        t.add("r1", "cpu_k_hours", MARCH, 2, 0, null);                                        // 1: r1 cpu March
        t.add("r1", "cpu_k_hours", MARCH, 3, 0, Instant.parse("2025-03-31T00:00:00Z"));       // 2: beats the untimed 1
        t.add("r2", "cpu_k_hours", MARCH, 4, 0, Instant.parse("2025-03-31T23:59:59.999Z"));   // 3: earlier than 0, loses
        t.add("r1", "cpu_k_hours", APRIL, 5, 0, null);                                        // 4: alone
        t.add("r1", "cpu_k_hours", MARCH, 6, 0, Instant.parse("2025-03-31T00:00:00Z"));       // 5: same time as 2, later wins
        t.add("r1", "cpu_k_hours", MARCH, 7, 0, null);                                        // 6: untimed never beats a time

        UsageTable.Counted latest = t.counted(UsageTable.PlanPeriodCount.ONE);

        assertThat(latest.rows()).containsExactly(0, 5, 4);
        assertThat(new int[] {latest.reports(0), latest.reports(1), latest.reports(2)}).containsExactly(2, 4, 1);
        assertThat(new int[] {latest.kept(0), latest.kept(1), latest.kept(2)}).containsExactly(1, 1, 1);
    }

    private static final String A = "0000000000000000000000000000000a";
    private static final String B = "0000000000000000000000000000000b";
    private static final String C = "0000000000000000000000000000000c";

    @Test
    void recordsOfEachPlanPeriodAddUpAndARecordReadTwiceCountsOnceInItsLatestVersion() {
        UsageTable t = new UsageTable();
        // r1 switched plan in March: 30 in the first period (A), 12 then 15 in the second (B, read twice)
        t.add(A, "r1", "cpu_k_hours", MARCH, 30, 0, Instant.parse("2025-03-05T00:00:00Z"));
        t.add(B, "r1", "cpu_k_hours", MARCH, 12, 0, Instant.parse("2025-03-20T00:00:00Z"));
        t.add(B, "r1", "cpu_k_hours", MARCH, 15, 0, Instant.parse("2025-03-20T00:00:00Z"));
        // r2 kept its plan: a recurring 500 copied into March (C), then a report of 700 in another period (A)
        t.add(C, "r2", "gb_k_hours", MARCH, 500, 0, Instant.parse("2025-03-01T00:00:00.000001Z"));
        t.add(A, "r2", "gb_k_hours", MARCH, 700, 0, Instant.parse("2025-03-10T00:00:00Z"));

        UsageTable.Counted counted = t.counted((resource, month) -> resource.equals("r1") && month == MARCH ? 2 : 1);

        assertThat(new int[] {counted.reports(0), counted.reports(1)}).containsExactly(3, 2);
        assertThat(new int[] {counted.kept(0), counted.kept(1)}).containsExactly(2, 1);
        assertThat(counted.usage(t, 0)).isEqualByComparingTo("45");
        assertThat(counted.usage(t, 1)).isEqualByComparingTo("700");
    }

    @Test
    void rejectsAScaleOutsideAByte() {
        UsageTable t = new UsageTable();

        assertThatThrownBy(() -> t.add("r1", "cpu_k_hours", MARCH, 1, 200, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("usage scale (200) must lie in -127 … 127");
    }
}
