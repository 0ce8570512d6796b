package dev.tally.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.core.table.ResultTable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the engine on random facts and random queries, checked against {@link ReferenceEngine}. */
class QueryPropertiesTest {
    private static final List<Dimension> ALLOCATION_DIMENSIONS = List.of(Dimension.PROJECT, Dimension.CUSTOMER,
            Dimension.COUNTRY, Dimension.COUNTRY_SOURCE, Dimension.OFFERING, Dimension.PLAN, Dimension.RESOURCE_STATE,
            Dimension.IS_INDUSTRY, Dimension.IS_COMMERCIAL, Dimension.IS_TRAINING, Dimension.USED_AI_TECH,
            Dimension.MONTH, Dimension.QUARTER, Dimension.YEAR);
    private static final List<String> FILTERS = List.of("", "country in ('Finland','Denmark')", "is_industry = true",
            "month >= 2025-01", "not (country = 'Finland') or is_training = unknown", "used_ai_tech = 'Vision'",
            "used_ai_tech not in ('Deep Learning')", "plan = 'LUMI Big' and year = 2025",
            "quarter <= 2025-Q2 and resource_state != 'terminated'", "country_source = 'name'",
            "customer = 'Allocator 1' or project in ('Project 2', 'Project 4')", "month != 2025-03 and month < 2025-09");

    record Case(Scenario scenario, Query query) {
        @Override
        public String toString() {
            return query + " on " + scenario.allocations().size() + " allocations";
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.randomValue(r -> {
            Scenario s = Scenario.random(r, r.nextInt(25));
            return new Case(s, randomQuery(r));
        });
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Arbitraries.randomValue(r -> Scenario.random(r, r.nextInt(30)));
    }

    private static Period randomPeriod(Random r) {
        YearMonth m = YearMonth.of(2024, 6).plusMonths(r.nextInt(20));
        return switch (r.nextInt(4)) {
            case 0 -> Period.month(m);
            case 1 -> Period.quarter(m.getYear(), (m.getMonthValue() - 1) / 3 + 1);
            case 2 -> Period.year(m.getYear());
            default -> {
                LocalDate from = m.atDay(1 + r.nextInt(28));
                yield Period.range(from, from.plusDays(r.nextInt(120)));
            }
        };
    }

    private static Query randomQuery(Random r) {
        Query.Builder b = Query.builder(randomPeriod(r));
        boolean orders = r.nextInt(5) == 0;
        List<Dimension> dims = new ArrayList<>(ALLOCATION_DIMENSIONS);
        if (orders) {
            dims.add(Dimension.ORDER_TYPE);
            dims.add(Dimension.ORDER_STATE);
        }
        Collections.shuffle(dims, r);
        b.dimensions(dims.subList(0, r.nextInt(4)).toArray(new Dimension[0]));
        b.measures(orders ? "orders, order_cost"
                : "allocations, projects, cost, limit.cpu_k_hours, limit.gpu_k_hours, usage.cpu_k_hours, "
                        + "utilisation.cpu_k_hours, orders, order_cost");
        return b.filter(FILTERS.get(r.nextInt(FILTERS.size()))).build();
    }

    /** A cell as comparable text: numbers without trailing zeros. */
    private static String text(Object v) {
        if (v instanceof BigDecimal d) {
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        return String.valueOf(v);
    }

    private static List<String> referenceValues(Query q, ReferenceEngine.Group g) {
        List<String> out = new ArrayList<>();
        for (Measure m : q.measures()) {
            Object v = switch (m.kind()) {
                case ALLOCATIONS -> (long) g.allocations.size();
                case PROJECTS -> (long) g.projects.size();
                case COST -> g.cost;
                case ORDER_COST -> g.orderCost;
                case ORDERS -> (long) g.orderIds.size();
                case LIMIT -> g.limits.getOrDefault(m.component(), BigDecimal.ZERO);
                case USAGE -> g.usages.getOrDefault(m.component(), BigDecimal.ZERO);
                case UTILISATION -> {
                    BigDecimal l = g.limits.getOrDefault(m.component(), BigDecimal.ZERO);
                    yield l.signum() == 0 ? null : g.usages.getOrDefault(m.component(), BigDecimal.ZERO)
                            .divide(l, java.math.MathContext.DECIMAL128);
                }
            };
            out.add(text(v));
        }
        return out;
    }

    @Property(tries = 300)
    void everyResultEqualsTheBruteForceReference(@ForAll("cases") Case c) {
        Query q = c.query();
        ResultTable t = QueryEngine.run(c.scenario().dataset(), q);
        Map<List<String>, ReferenceEngine.Group> reference = ReferenceEngine.run(c.scenario(), q);
        int dims = q.dimensions().size();

        Map<List<String>, List<String>> actual = new HashMap<>();
        for (List<Object> row : t.rows()) {
            actual.put(row.subList(0, dims).stream().map(Object::toString).toList(),
                    row.subList(dims, row.size()).stream().map(QueryPropertiesTest::text).toList());
        }
        Map<List<String>, List<String>> expected = new HashMap<>();
        reference.forEach((k, g) -> {
            if (k.size() == dims && (dims > 0 || !reference.isEmpty())) {
                expected.put(k, referenceValues(q, g));
            }
        });
        if (dims == 0 && expected.isEmpty()) {
            expected.put(List.of(), referenceValues(q, new ReferenceEngine.Group()));
        }
        assertThat(actual).isEqualTo(expected);
        if (dims > 0) {
            ReferenceEngine.Group total = reference.getOrDefault(List.of(), new ReferenceEngine.Group());
            assertThat(t.totals().subList(dims, t.totals().size()).stream().map(QueryPropertiesTest::text).toList())
                    .isEqualTo(referenceValues(q, total));
        }
    }

    @Property(tries = 200)
    void groupedSumsEqualTheGrandTotalForSingleValuedDimensions(@ForAll("scenarios") Scenario s) {
        for (Dimension d : ALLOCATION_DIMENSIONS) {
            if (d.multiValued()) {
                continue;
            }
            ResultTable t = QueryEngine.run(s.dataset(), Query.builder(Period.year(2025)).dimensions(d)
                    .measures("cost, limit.cpu_k_hours, usage.cpu_k_hours, allocations").build());

            for (int col = 1; col <= 3; col++) {
                BigDecimal sum = BigDecimal.ZERO;
                for (List<Object> row : t.rows()) {
                    sum = sum.add((BigDecimal) row.get(col));
                }
                assertThat(sum).as(d.key() + " column " + col).isEqualByComparingTo((BigDecimal) t.totals().get(col));
            }
            // time dimensions and the plan (which can switch) place one allocation in several rows
            if (!d.temporal() && d != Dimension.PLAN) {
                long allocations = t.rows().stream().mapToLong(row -> (Long) row.get(4)).sum();
                assertThat(allocations).as(d.key()).isEqualTo(t.totals().get(4));
            }
        }
    }

    @Property(tries = 200)
    void multiValuedDimensionListsEachAllocationUnderEachValueAndCountsItOnceInTotals(@ForAll("scenarios") Scenario s) {
        Period year = Period.year(2025);
        ResultTable byAi = QueryEngine.run(s.dataset(), Query.builder(year).dimensions("used_ai_tech")
                .measures("allocations, cost").build());
        ResultTable all = QueryEngine.run(s.dataset(), Query.builder(year).measures("allocations, cost").build());

        long expectedRowSum = 0;
        for (var f : s.allocations()) {
            boolean active = QueryEngine.run(Scenario.single(f).dataset(), Query.builder(year).measures("allocations").build())
                    .rows().get(0).get(0).equals(1L);
            if (active) {
                expectedRowSum += Math.max(1, f.options().usedAiTech().stream().distinct().count());
            }
        }
        assertThat(byAi.rows().stream().mapToLong(r -> (Long) r.get(1)).sum()).isEqualTo(expectedRowSum);
        assertThat(byAi.totals().subList(1, 3)).isEqualTo(all.rows().get(0));
        for (List<Object> row : byAi.rows()) {
            String value = (String) row.get(0);
            String filter = value.equals("(none)") ? "not used_ai_tech in ('Deep Learning', 'Machine Learning', 'Vision')"
                    : "used_ai_tech = '" + value + "'";
            ResultTable one = QueryEngine.run(s.dataset(), Query.builder(year).measures("allocations, cost").filter(filter).build());
            assertThat(row.subList(1, 3)).isEqualTo(one.rows().get(0));
        }
    }
}
