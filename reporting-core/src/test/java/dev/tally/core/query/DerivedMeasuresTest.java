package dev.tally.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.core.table.ColumnType;
import dev.tally.core.table.ResultTable;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * share., change. and change_pct. over {@link QueryEngineTest#DATA}. By hand: December 2024 Finland
 * 0.5 (a4), no Denmark; January 2025 Denmark 3.0, Finland 2.0645… + 0.5 = 2.5645…; February Denmark
 * 3.0, Finland 4.0 (a3 a whole month, a4 ended at midnight on 1 February).
 */
class DerivedMeasuresTest {
    private static final BigDecimal JANUARY_FINLAND = new BigDecimal("2.564516129032258064516129032258065");

    private static ResultTable run(String period, String dims, String measures) {
        return QueryEngine.run(QueryEngineTest.DATA, Query.builder(Period.parse(period)).dimensions(dims).measures(measures).build());
    }

    private static BigDecimal cell(ResultTable t, int row, String key) {
        return (BigDecimal) t.rows().get(row).get(t.columnIndex(key));
    }

    @Test
    void shareIsEachRowsFigureOverTheTotals() {
        ResultTable t = run("2025-02", "country", "cost, share.cost");

        assertThat(t.columns().get(2).key()).isEqualTo("share.cost");
        assertThat(t.columns().get(2).type()).isEqualTo(ColumnType.PERCENT);
        assertThat(cell(t, 0, "share.cost")).isEqualByComparingTo("0.4285714285714286");
        assertThat(cell(t, 1, "share.cost")).isEqualByComparingTo("0.5714285714285714");
        assertThat((BigDecimal) t.totals().get(2)).isEqualByComparingTo("1");
        assertThat(t.notes()).anyMatch(n -> n.startsWith("Cost, share of total: each row's cost as a percentage of the total's"));
    }

    @Test
    void changeIsAgainstTheSameGroupInThePreviousPeriod() {
        ResultTable t = run("2025-02", "country", "change.cost, change_pct.cost");

        assertThat(t.rows().get(0).subList(0, 1)).containsExactly("Denmark");
        assertThat(cell(t, 0, "change.cost")).isEqualByComparingTo("0");
        assertThat(cell(t, 0, "change_pct.cost")).isEqualByComparingTo("0");
        assertThat(cell(t, 1, "change.cost")).isEqualByComparingTo(new BigDecimal("4.0").subtract(JANUARY_FINLAND));
        assertThat(cell(t, 1, "change_pct.cost")).isEqualByComparingTo("0.5597484276729560");
        assertThat((BigDecimal) t.totals().get(1)).isEqualByComparingTo("1.435483870967741935483870967741935");
        assertThat(t.notes()).contains("Cost, change from previous period: cost minus its value in the previous period, 2025-01 (2025-01-01 to 2025-01-31).");
    }

    @Test
    void aGroupNewInThePeriodChangesByItsWholeFigureAndHasNoPercentage() {
        ResultTable t = run("2025-01", "country", "change.cost, change_pct.cost");

        assertThat(cell(t, 0, "change.cost")).isEqualByComparingTo("3.0");
        assertThat(t.rows().get(0).get(2)).isNull();
        assertThat(cell(t, 1, "change.cost")).isEqualByComparingTo(JANUARY_FINLAND.subtract(new BigDecimal("0.5")));
        assertThat(cell(t, 1, "change_pct.cost")).isEqualByComparingTo("4.129032258064516");
    }

    @Test
    void byMonthTheChangeIsFromTheMonthBefore() {
        ResultTable t = run("2025-01-01..2025-02-28", "month", "cost, change.cost");

        assertThat(t.rows()).extracting(r -> r.get(0)).containsExactly("2025-01", "2025-02");
        assertThat(cell(t, 0, "change.cost")).isEqualByComparingTo(new BigDecimal("3.0").add(JANUARY_FINLAND).subtract(new BigDecimal("0.5")));
        assertThat(cell(t, 1, "change.cost")).isEqualByComparingTo(new BigDecimal("7.0").subtract(new BigDecimal("3.0")).subtract(JANUARY_FINLAND));
        assertThat(t.totals().get(2)).isNull();
    }

    @Test
    void derivedMeasuresAreNamedAndCheckedLikeOthers() {
        assertThat(Measure.parse("change_pct.usage.gpu_k_hours", 1).title()).isEqualTo("Usage gpu_k_hours, change from previous period (%)");
        assertThatThrownBy(() -> Measure.parse("share.utilisation.cpu_k_hours", 1))
                .hasMessageStartingWith("measure 'share.utilisation.cpu_k_hours': a share of utilisation means nothing");
        assertThatThrownBy(() -> Measure.parse("share.change.cost", 1))
                .hasMessageStartingWith("measure 'change.cost': a derived measure cannot be derived again");
        assertThatThrownBy(() -> QueryEngine.run(QueryEngineTest.DATA, Query.builder(Period.parse("2025-01")).dimensions("country")
                .measures("change.cost").sort("-change.cost").build()))
                .hasMessageStartingWith("cannot sort by '-change.cost'".replace("-", ""));
    }

    @Test
    void previousPeriodsHaveTheSameLength() {
        assertThat(Period.parse("2025-03").previous()).isEqualTo(Period.parse("2025-02"));
        assertThat(Period.parse("2025-Q1").previous()).isEqualTo(Period.parse("2024-Q4"));
        assertThat(Period.parse("2025").previous()).isEqualTo(Period.parse("2024"));
        assertThat(Period.parse("2025-01-10..2025-01-19").previous()).isEqualTo(Period.parse("2024-12-31..2025-01-09"));
    }

    @Test
    void containsAndLikeCompareLabelsIgnoringCase() {
        ResultTable contains = QueryEngine.run(QueryEngineTest.DATA, Query.builder(Period.parse("2025-01")).dimensions("country")
                .measures("allocations").filter("country contains 'MARK'").build());
        ResultTable like = QueryEngine.run(QueryEngineTest.DATA, Query.builder(Period.parse("2025-01")).dimensions("project")
                .measures("allocations").filter("project like 'project p_' and not country like 'fin%'").build());

        assertThat(contains.rows()).containsExactly(List.of("Denmark", 2L));
        assertThat(like.rows()).containsExactly(List.of("Project p1", 1L), List.of("Project p2", 1L));
    }

    @Test
    void aFilterValueNoAllocationHasIsAWarningWithTheKnownValues() {
        Query q = Query.builder(Period.parse("2025-01")).dimensions("country").measures("allocations")
                .filter("country = 'Fnland' or country contains 'xyz'").build();

        assertThat(QueryEngine.warnings(QueryEngineTest.DATA, q)).containsExactly(
                "no allocation has country 'Fnland'; known values: Denmark, Finland",
                "no allocation has a country containing 'xyz'; known values: Denmark, Finland");
        assertThat(QueryEngine.run(QueryEngineTest.DATA, q).notes())
                .contains("Warning: no allocation has country 'Fnland'; known values: Denmark, Finland.");
    }
}
