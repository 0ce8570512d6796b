package dev.tally.emulator.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UsageRowTest {
    private static final String[] TYPES = {"cpu_k_hours", "gpu_k_hours", "gb_k_hours"};

    @Test
    void packedSortGivesTheComparatorOrder() {
        SplittableRandom random = new SplittableRandom(3);
        List<UsageRow> rows = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            // Few distinct dates, so many rows share one and the tie-break on type and UUID is exercised.
            long date = 1_700_000_000_000_000L + random.nextLong(5_000) * 86_400_000_000L;
            rows.add(new UsageRow(random.nextLong(), random.nextLong(), date, null, TYPES[random.nextInt(3)], "CPU",
                    "kh", LocalDate.of(2026, 1, 1), random.nextLong(1000), date, "", false));
        }
        List<UsageRow> expected = new ArrayList<>(rows);
        expected.sort(UsageRow.DEFAULT_ORDER);

        List<UsageRow> sorted = UsageRow.sortedInDefaultOrder(rows);

        assertThat(sorted).containsExactlyElementsOf(expected);
    }

    @Test
    void runtimeRowKeepsItsTextAndFractionalUsage() {
        UsageRow row = new UsageRow("4f1c2a9b00e84d21bfa0c3d4e5f60718", "2026-10-30T12:00:00.123456Z", null,
                "cpu_k_hours", "CPU", "kh", LocalDate.of(2026, 10, 1), new BigDecimal("12.50"),
                "2026-10-30T12:00:00.000001Z", "late report", true, null);

        assertThat(row.uuid()).isEqualTo("4f1c2a9b00e84d21bfa0c3d4e5f60718");
        assertThat(row.get("created").asText()).isEqualTo("2026-10-30T12:00:00.123456Z");
        assertThat(row.date()).isEqualTo("2026-10-30T12:00:00.000001Z");
        assertThat(row.get("usage").toString()).isEqualTo("12.5");
    }

    @Test
    void integralUsageRendersAsAnInteger() {
        UsageRow row = new UsageRow("4f1c2a9b00e84d21bfa0c3d4e5f60718", "2026-10-30T12:00:00.123456Z", null,
                "cpu_k_hours", "CPU", "kh", LocalDate.of(2026, 10, 1), new BigDecimal("1200.00"),
                "2026-10-30T12:00:00.000001Z", "", false, null);

        assertThat(row.get("usage").toString()).isEqualTo("1200");
    }
}
