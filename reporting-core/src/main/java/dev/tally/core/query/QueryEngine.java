package dev.tally.core.query;

import dev.tally.core.dataset.Dataset;
import dev.tally.core.table.ResultTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Runs a {@link Query} on a {@link Dataset} and returns a plain result table, in three steps: a
 * {@link QueryPlan} (the validated, resolved query), a {@link Scan} (accumulation over the rows) and a
 * {@link Layout} (sorting, top N and "Other", subtotals, total).
 *
 * <p>Rows of two kinds feed the groups: <em>allocation months</em> (each allocation in each month of
 * the period on which it existed: cost, limits, usage, allocations, projects) and <em>orders</em>
 * (each order whose day lies in the period: orders, order cost). The filter is tested on each row;
 * {@code order_type} and {@code order_state} exist on order rows only, so they can only be used with
 * the order measures. A row goes to one group per value of a multi-valued dimension.
 *
 * <p>Every figure, including each subtotal, the "Other" bucket and the grand total, is computed from
 * the rows, never by adding up printed rows: an allocation is counted once in a group however many
 * months or {@code used_ai_tech} values it has there, and a project once however many allocations
 * (docs/definitions.md, "Queries").
 */
public final class QueryEngine {
    private QueryEngine() {
    }

    /** Runs the query. A {@link QueryException} names what is wrong with it. */
    public static ResultTable run(Dataset dataset, Query query) {
        if (DerivedMeasures.any(query)) {
            return new DerivedMeasures(dataset, query).run();
        }
        QueryPlan plan = new QueryPlan(dataset, query);
        return table(plan, new Scan(plan), new Layout(plan));
    }

    /**
     * The allocations (by index) the query's answer counts: each with an allocation month or an order in the
     * period that passes the filter. For telling which data-quality findings affect an answer
     * ({@code DataQuality.affecting}).
     */
    public static java.util.BitSet counted(Dataset dataset, Query query) {
        Query byAllocation = Query.builder(query.period()).dimensions(Dimension.ALLOCATION)
                .measures(query.measures().toArray(Measure[]::new)).filter(query.filter()).grandTotal(false).build();
        QueryPlan plan = new QueryPlan(dataset, byAllocation);
        java.util.BitSet out = new java.util.BitSet(dataset.size());
        for (GroupKey k : new Scan(plan).pass(plan::allKeys).keySet()) {
            if (k.level == GroupKey.DETAIL && k.codes.length == 1 && k.codes[0] >= 0 && k.codes[0] < dataset.size()) {
                out.set(k.codes[0]);
            }
        }
        return out;
    }

    /**
     * The values a filter can name for {@code dimension} in {@code dataset}: each code's label, in the
     * order rows appear in; none for a temporal dimension (a month, quarter or year is written as such).
     * {@code tally serve} completes filter values from this list.
     */
    public static List<String> values(Dataset dataset, Dimension dimension) {
        if (dimension.temporal()) {
            return List.of();
        }
        DimensionValues v = new DimensionValues(dataset);
        return IntStream.range(0, v.domainSize(dimension)).boxed().sorted(v.order(dimension))
                .map(c -> v.label(dimension, c)).toList();
    }

    /**
     * The query's warnings: filter values that no allocation has (a probable typo, {@code country =
     * 'Fnland'}), each with the known values. The result table carries them as notes too.
     */
    public static List<String> warnings(Dataset dataset, Query query) {
        FilterCompiler compiler = new FilterCompiler(dataset);
        compiler.compile(query.filter());
        return compiler.warnings();
    }

    /**
     * Without top N, one scan gives the detail groups and their rollups. With it, a first scan ranks
     * the detail groups, and a second gives the rollups of the groups kept and the "Other" bucket.
     */
    private static ResultTable table(QueryPlan plan, Scan scan, Layout layout) {
        if (plan.q.top() == 0) {
            Map<GroupKey, Accumulator> all = scan.pass(plan::allKeys);
            Map<GroupKey, Accumulator> detail = only(all, GroupKey.DETAIL);
            return layout.table(layout.sorted(detail), detail, all);
        }
        Map<GroupKey, Accumulator> detail = scan.pass(plan::detailKey);
        Set<GroupKey> top = layout.top(detail);
        Map<GroupKey, Accumulator> rollups = scan.pass((full, out) -> plan.rankedKeys(full, out, top));
        List<GroupKey> order = layout.sorted(detail).stream().filter(top::contains).toList();
        return layout.table(order, detail, rollups);
    }

    private static Map<GroupKey, Accumulator> only(Map<GroupKey, Accumulator> all, int level) {
        Map<GroupKey, Accumulator> out = new HashMap<>();
        all.forEach((k, v) -> {
            if (k.level == level) {
                out.put(k, v);
            }
        });
        return out;
    }
}
