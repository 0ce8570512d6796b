package dev.tally.core.query;

import static dev.tally.core.Fixtures.LUMI_COMMON;
import static dev.tally.core.Fixtures.limits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tally.core.country.CountryShare;
import dev.tally.core.country.CountrySource;
import dev.tally.core.dataset.Dataset;
import dev.tally.core.dataset.DatasetBuilder;
import dev.tally.core.fact.AllocationFact;
import dev.tally.core.fact.Flag;
import dev.tally.core.fact.LumiOptions;
import dev.tally.core.fact.OrderFact;
import dev.tally.core.fact.OrderState;
import dev.tally.core.fact.OrderType;
import dev.tally.core.fact.UsageFact;
import dev.tally.core.table.ResultTable;
import dev.tally.core.table.RowKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Queries over four allocations whose January 2025 figures are computed by hand in the comments. */
class QueryEngineTest {
    static AllocationFact fact(String id, String project, String country, Map<String, BigDecimal> limits, String from,
            String until, Flag industry, List<String> ai) {
        return new AllocationFact(id, id, "OK", project, "Project " + project, "c", "Allocator", "o-" + country,
                "LUMI " + country, CountryShare.country(country, CountrySource.NAME), LUMI_COMMON, limits,
                new LumiOptions(industry, Flag.UNKNOWN, Flag.UNKNOWN, ai), Instant.parse(from),
                until == null ? null : Instant.parse(until), List.of());
    }

    // January 2025 (31 days):
    // a1 Denmark p1, cpu 10: 1.0        a2 Denmark p2, cpu 20: 2.0
    // a3 Finland p3, cpu 30 gpu 2 from 16 Jan: 4 × 16/31 = 2.0645…   a4 Finland p1, cpu 5, ends 31 Jan: 0.5
    static final Dataset DATA = data();

    private static Dataset data() {
        DatasetBuilder b = Dataset.builder(LocalDate.of(2025, 3, 31));
        b.add(fact("a1", "p1", "Denmark", limits("cpu_k_hours", 10), "2025-01-01T00:00:00Z", null, Flag.TRUE,
                List.of("Deep Learning", "Machine Learning")));
        b.add(fact("a2", "p2", "Denmark", limits("cpu_k_hours", 20), "2025-01-01T00:00:00Z", null, Flag.FALSE, List.of()));
        b.add(fact("a3", "p3", "Finland", limits("cpu_k_hours", 30, "gpu_k_hours", 2), "2025-01-16T00:00:00Z", null,
                Flag.UNKNOWN, List.of("Deep Learning")));
        b.add(fact("a4", "p1", "Finland", limits("cpu_k_hours", 5), "2024-06-01T00:00:00Z", "2025-02-01T00:00:00Z",
                Flag.FALSE, List.of()));
        b.addOrder(new OrderFact("o1", "a1", OrderType.CREATE, OrderState.DONE, new BigDecimal("1"), null,
                Instant.parse("2024-12-30T00:00:00Z"), Instant.parse("2024-12-31T10:00:00Z")));
        b.addOrder(new OrderFact("o2", "a1", OrderType.UPDATE, OrderState.DONE, new BigDecimal("2"), null,
                Instant.parse("2025-01-09T00:00:00Z"), Instant.parse("2025-01-10T10:00:00Z")));
        b.addOrder(new OrderFact("o3", "a3", OrderType.CREATE, OrderState.DONE, new BigDecimal("4"), null,
                Instant.parse("2025-01-15T00:00:00Z"), Instant.parse("2025-01-16T00:00:00Z")));
        b.addOrder(new OrderFact("o4", "a2", OrderType.UPDATE, OrderState.REJECTED, new BigDecimal("9"), null,
                Instant.parse("2025-01-20T00:00:00Z"), null));
        b.addOrder(new OrderFact("o5", "a4", OrderType.TERMINATE, OrderState.DONE, null, null,
                Instant.parse("2025-01-31T00:00:00Z"), Instant.parse("2025-02-01T00:00:00Z")));
        b.addUsage(new UsageFact("a1", "cpu_k_hours", YearMonth.of(2025, 1), new BigDecimal("5")));
        return b.build();
    }

    private static ResultTable run(Query.Builder q) {
        return QueryEngine.run(DATA, q.build());
    }

    private static Query.Builder january() {
        return Query.builder(Period.parse("2025-01"));
    }

    @Test
    void groupsByCountryWithDistinctProjectsAndExactProratedCost() {
        ResultTable t = run(january().dimensions("country").measures("allocations, projects, cost, limit.cpu_k_hours"));

        assertThat(t.rows()).containsExactly(
                List.of("Denmark", 2L, 2L, new BigDecimal("3.0"), new BigDecimal("30")),
                List.of("Finland", 2L, 2L, new BigDecimal("2.564516129032258064516129032258065"),
                        new BigDecimal("20.48387096774193548387096774193548")));
        assertThat(t.totals()).containsExactly("Total", 4L, 3L, new BigDecimal("5.564516129032258064516129032258065"),
                new BigDecimal("50.48387096774193548387096774193548"));
        assertThat(t.columns()).extracting(c -> c.key(), c -> c.additive()).containsExactly(tuple("country", false),
                tuple("allocations", true), tuple("projects", false), tuple("cost", true), tuple("limit.cpu_k_hours", true));
    }

    @Test
    void multiValuedAiTechListsAnAllocationUnderEachValueAndTotalsCountItOnce() {
        ResultTable t = run(january().dimensions("used_ai_tech").measures("allocations, cost"));

        assertThat(t.rows()).containsExactly(
                List.of("Deep Learning", 2L, new BigDecimal("3.064516129032258064516129032258065")),
                List.of("Machine Learning", 1L, new BigDecimal("1.0")),
                List.of("(none)", 2L, new BigDecimal("2.5")));
        assertThat(t.totals()).containsExactly("Total", 4L, new BigDecimal("5.564516129032258064516129032258065"));
        assertThat(t.columns()).allSatisfy(c -> assertThat(c.additive()).isFalse());
        assertThat(t.notes()).anySatisfy(n -> assertThat(n).startsWith("used_ai_tech is multi-valued"));
    }

    @Test
    void filterCombinesCountryListFlagAndMonth() {
        ResultTable t = run(january().dimensions("project").measures("allocations, cost")
                .filter("country in ('Finland','Denmark') and is_industry = true and month >= 2025-01"));

        assertThat(t.rows()).containsExactly(List.of("Project p1", 1L, new BigDecimal("1.0")));
    }

    @Test
    void filterOnMultiValuedDimensionMatchesAnyValueAndNotEqualMatchesNone() {
        ResultTable any = run(january().dimensions("project").measures("allocations").filter("used_ai_tech = 'machine learning'"));
        ResultTable none = run(january().dimensions("project").measures("allocations").filter("used_ai_tech != 'Deep Learning'"));

        assertThat(any.rows()).containsExactly(List.of("Project p1", 1L));
        assertThat(none.totals()).containsExactly("Total", 2L);
    }

    @Test
    void topNKeepsTheLargestGroupsAndSumsTheRestInOther() {
        ResultTable t = run(january().dimensions("project").measures("cost, allocations").top(1));

        assertThat(t.rows()).containsExactly(
                List.of("Project p3", new BigDecimal("2.064516129032258064516129032258065"), 1L),
                List.of("Other (2 more)", new BigDecimal("3.5"), 3L));
        assertThat(t.rowKinds()).containsExactly(RowKind.DETAIL, RowKind.OTHER);
        assertThat(t.totals()).containsExactly("Total", new BigDecimal("5.564516129032258064516129032258065"), 4L);
    }

    @Test
    void subtotalsFollowEachLeadingGroup() {
        ResultTable t = run(january().dimensions("country, project").measures("allocations, projects").subtotals(true));

        assertThat(t.rows()).containsExactly(
                List.of("Denmark", "Project p1", 1L, 1L),
                List.of("Denmark", "Project p2", 1L, 1L),
                List.of("Denmark", "Subtotal", 2L, 2L),
                List.of("Finland", "Project p1", 1L, 1L),
                List.of("Finland", "Project p3", 1L, 1L),
                List.of("Finland", "Subtotal", 2L, 2L));
        assertThat(t.rowKinds()).containsExactly(RowKind.DETAIL, RowKind.DETAIL, RowKind.SUBTOTAL, RowKind.DETAIL,
                RowKind.DETAIL, RowKind.SUBTOTAL);
        assertThat(t.totals()).containsExactly("Total", "", 4L, 3L);
    }

    @Test
    void monthDimensionCountsAllocationsPerMonthAndOnceInTheTotal() {
        ResultTable t = Quarter.run();

        assertThat(t.rows()).containsExactly(List.of("2025-01", 4L), List.of("2025-02", 3L), List.of("2025-03", 3L));
        assertThat(t.totals()).containsExactly("Total", 4L);
    }

    private static final class Quarter {
        static ResultTable run() {
            return QueryEngine.run(DATA, Query.builder(Period.parse("2025-Q1")).dimensions("month").measures("allocations")
                    .build());
        }
    }

    @Test
    void sortsByAMeasureDescending() {
        ResultTable t = run(january().dimensions("project").measures("cost").sort("-cost"));

        assertThat(t.rows()).extracting(r -> r.get(0)).containsExactly("Project p3", "Project p2", "Project p1");
    }

    @Test
    void ordersAreCountedOnTheirCompletionDayAndOnlyDoneOrdersCost() {
        ResultTable t = run(january().dimensions("order_type, order_state").measures("orders, order_cost"));

        assertThat(t.rows()).containsExactly(
                List.of("Create", "done", 1L, new BigDecimal("4")),
                List.of("Update", "done", 1L, new BigDecimal("2")),
                List.of("Update", "rejected", 1L, BigDecimal.ZERO));
    }

    @Test
    void utilisationIsUsageOverTheDayWeightedLimit() {
        ResultTable t = run(january().dimensions("country").measures("usage.cpu_k_hours, utilisation.cpu_k_hours"));

        assertThat(t.rows().get(0)).containsExactly("Denmark", new BigDecimal("5"),
                new BigDecimal("0.1666666666666666666666666666666667"));
        assertThat(t.rows().get(1).get(0)).isEqualTo("Finland");
        assertThat((BigDecimal) t.rows().get(1).get(1)).isZero();
        assertThat((BigDecimal) t.rows().get(1).get(2)).isZero();
        assertThat((BigDecimal) t.totals().get(2)).isEqualByComparingTo("0.09904153354632587859424920127795528");
    }

    @Test
    void dateRangeCountsOnlyItsDays() {
        ResultTable t = QueryEngine.run(DATA, Query.builder(Period.parse("2025-01-16..2025-01-31")).measures("cost")
                .filter("project = 'Project p2'").build());

        assertThat(t.rows()).containsExactly(List.of(new BigDecimal("1.032258064516129032258064516129032")));
    }

    @Test
    void orderDimensionWithAllocationMeasureIsRejected() {
        assertThatThrownBy(() -> run(january().dimensions("order_type").measures("orders, cost")))
                .isInstanceOf(QueryException.class)
                .hasMessage("dimension 'order_type' applies only to the measures orders and order_cost, but the query also asks for cost");
    }

    @Test
    void unknownNamesAreReportedWithTheirPosition() {
        assertThatThrownBy(() -> january().dimensions("country, contry"))
                .hasMessage("unknown dimension 'contry' at position 10; did you mean 'country'?");
        assertThatThrownBy(() -> january().dimensions("nation"))
                .hasMessage("unknown dimension 'nation' at position 1; dimensions are project, customer, country,"
                        + " country_source, offering, plan, resource_state, order_type, order_state, is_industry,"
                        + " is_commercial, is_training, used_ai_tech, access_type, field_of_science, allocation, month,"
                        + " quarter, year");
        assertThatThrownBy(() -> january().measures("cost, limit"))
                .hasMessage("measure 'limit' needs a component, like limit.cpu_k_hours at position 7");
        assertThatThrownBy(() -> run(january().measures("limit.cpu")))
                .hasMessage("unknown component 'cpu' in measure 'limit.cpu'; the data has cpu_k_hours, gpu_k_hours, gb_k_hours");
        assertThatThrownBy(() -> run(january().measures("cost").filter("month < 'soon'")))
                .hasMessage("dimension 'month' expects a value like 2025-01, not 'soon' at position 9");
        assertThatThrownBy(() -> run(january().measures("cost").filter("country > 'F'")))
                .hasMessage("operator '>' cannot compare dimension 'country'; use =, !=, in, contains or like at position 11");
        assertThatThrownBy(() -> run(january().measures("cost").filter("is_industry = maybe")))
                .hasMessage("dimension 'is_industry' is true, false or unknown, not 'maybe' at position 15");
    }
}
