package dev.tally.core.aggregate;

import static dev.tally.core.Fixtures.allocation;
import static dev.tally.core.Fixtures.limits;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.core.table.ResultTable;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTablesTest {
    // three projects each existing 10 of 31 days at 1 × 0.1: 0.0322580… each, 0.03 when rounded
    private final MonthlySummary summary = Aggregator.summarise(List.of(
            allocation("r1", "p1", "Denmark", limits("cpu_k_hours", 1), "2025-01-22T00:00:00Z", null),
            allocation("r2", "p2", "Denmark", limits("cpu_k_hours", 1), "2025-01-22T00:00:00Z", null),
            allocation("r3", "p3", "Finland", limits("cpu_k_hours", 1), "2025-01-22T00:00:00Z", null)),
            YearMonth.of(2025, 1));

    @Test
    void projectCostsAreRoundedToTheCentAndSharesAndTotalsAddThemUp() {
        ResultTable shares = SummaryTables.shares(summary);
        ResultTable projects = SummaryTables.projects(summary);

        int cost = projects.columnIndex("cost");
        assertThat(projects.rows()).extracting(r -> r.get(cost)).containsExactly(
                new BigDecimal("0.03"), new BigDecimal("0.03"), new BigDecimal("0.03"));
        assertThat(shares.rows()).extracting(r -> r.get(0), r -> r.get(shares.columnIndex("cost")))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Denmark", new BigDecimal("0.06")),
                        org.assertj.core.groups.Tuple.tuple("Finland", new BigDecimal("0.03")));
        assertThat(shares.totals().get(shares.columnIndex("cost"))).isEqualTo(new BigDecimal("0.09"));
        assertThat(projects.totals().get(cost)).isEqualTo(new BigDecimal("0.09"));
        assertThat(summary.totalCost()).isEqualByComparingTo("0.09677419354838709677419354838709678");
    }

    @Test
    void limitsAreRoundedToThreeDecimals() {
        ResultTable projects = SummaryTables.projects(summary);

        assertThat(projects.rows().get(0).get(projects.columnIndex("limit.cpu_k_hours"))).isEqualTo(new BigDecimal("0.323"));
        assertThat(projects.totals().get(projects.columnIndex("limit.cpu_k_hours"))).isEqualTo(new BigDecimal("0.969"));
    }
}
