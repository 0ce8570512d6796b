package dev.tally.core.query;

import static dev.tally.core.Fixtures.limits;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.core.dataset.Dataset;
import dev.tally.core.dataset.DatasetBuilder;
import dev.tally.core.fact.Flag;
import dev.tally.core.fact.UsageFact;
import dev.tally.core.quality.DataQuality;
import dev.tally.core.table.ResultTable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Usage sums kept as scaled longs give the same values and scales as adding the {@code BigDecimal}s. */
class UsageSumsTest {
    private static final int JANUARY = Dataset.epochMonth(YearMonth.of(2025, 1));

    private static Dataset data() {
        DatasetBuilder b = Dataset.builder(LocalDate.of(2025, 3, 31));
        b.add(QueryEngineTest.fact("a1", "p1", "Denmark", limits("cpu_k_hours", 10), "2025-01-01T00:00:00Z", null,
                Flag.TRUE, List.of()));
        b.add(QueryEngineTest.fact("a2", "p2", "Denmark", limits("cpu_k_hours", 20), "2025-01-01T00:00:00Z", null,
                Flag.FALSE, List.of()));
        b.add(QueryEngineTest.fact("a3", "p3", "Finland", limits("cpu_k_hours", 30), "2025-01-01T00:00:00Z", null,
                Flag.FALSE, List.of()));
        b.addUsage(new UsageFact("a1", "cpu_k_hours", YearMonth.of(2025, 1), new BigDecimal("1.50")));
        b.addUsage("a2", "cpu_k_hours", JANUARY, 2125, 3);
        b.addUsage("a1", "gpu_k_hours", JANUARY, new BigDecimal("0.5"));
        b.addUsage("a2", "gpu_k_hours", JANUARY, new BigDecimal("12345678901234567890.25"));
        b.addUsage("a3", "cpu_k_hours", JANUARY, Long.MAX_VALUE, 0);
        b.addUsage("a3", "cpu_k_hours", JANUARY, 9, 0);
        b.addUsage("a3", "gpu_k_hours", JANUARY, new BigDecimal("4E+2"));
        b.addUsage("ghost", "cpu_k_hours", JANUARY, 1, 0);
        return b.build();
    }

    @Test
    void sumsUsagesOfMixedScalesExactlyWithTheLargestScale() {
        ResultTable t = QueryEngine.run(data(), Query.builder(Period.parse("2025-01")).dimensions("country")
                .measures("usage.cpu_k_hours, usage.gpu_k_hours").build());

        assertThat(t.rows()).containsExactly(
                List.of("Denmark", new BigDecimal("3.625"), new BigDecimal("12345678901234567890.75")),
                List.of("Finland", new BigDecimal("9"), new BigDecimal("4E+2")));
        assertThat(t.totals()).containsExactly("Total", new BigDecimal("12.625"), new BigDecimal("12345678901234568290.75"));
    }

    @Test
    void datasetReturnsEachUsageWithItsScaleAndTheLastAddedPerKey() {
        Dataset d = data();

        assertThat(d.usageEnd(0) - d.usageStart(0)).isEqualTo(2);
        assertThat(d.usageValue(d.usageStart(0))).isEqualTo(new BigDecimal("1.50"));
        assertThat(d.usageValue(d.usageStart(0) + 1)).isEqualTo(new BigDecimal("0.5"));
        assertThat(d.usageValue(d.usageStart(1))).isEqualTo(new BigDecimal("2.125"));
        assertThat(d.usageValue(d.usageStart(1) + 1)).isEqualTo(new BigDecimal("12345678901234567890.25"));
        assertThat(d.usageEnd(2) - d.usageStart(2)).isEqualTo(2);
        assertThat(d.usageValue(d.usageStart(2))).isEqualTo(new BigDecimal("9"));
        assertThat(d.usageValue(d.usageStart(2) + 1)).isEqualTo(new BigDecimal("4E+2"));
        assertThat(DataQuality.unmatched(d)).singleElement().satisfies(f -> assertThat(f.message())
                .isEqualTo("usage of cpu_k_hours in 2025-01 reported for resource ghost, which is not in the data"));
    }
}
