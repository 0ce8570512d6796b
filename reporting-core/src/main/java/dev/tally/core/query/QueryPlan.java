package dev.tally.core.query;

import dev.tally.core.dataset.Dataset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A query checked against a dataset and resolved for the scan: the measures' component indexes, the
 * compiled filter, which row kinds are needed, the period as epoch days, the groups a row counts in
 * and the code ranges of the dimensions. A {@link QueryException} names what is wrong with the query.
 */
final class QueryPlan {
    final Dataset d;
    final Query q;
    final DimensionValues values;
    final Predicate filter;
    final int[] measureComponents;
    final int[] usedComponents;
    /** Whether a measure reads the allocations' cost, and which components' limits one reads (utilisation does). */
    final boolean needsCost;
    final boolean[] neededLimits;
    final boolean allocationRows;
    final boolean orderRows;
    final boolean trackProjects;
    final int aiPosition;
    final int fromDay;
    final int toDay;
    final List<String> warnings;

    QueryPlan(Dataset d, Query q) {
        this.d = d;
        this.q = q;
        this.values = new DimensionValues(d);
        this.measureComponents = new int[q.measures().size()];
        Set<Integer> used = new HashSet<>();
        this.neededLimits = new boolean[d.components().size()];
        for (int m = 0; m < q.measures().size(); m++) {
            Measure measure = q.measures().get(m);
            if (measure.component() != null) {
                int c = d.componentIndex(measure.component());
                // an empty dataset has no components; its figures are zero rather than an error
                if (c < 0 && d.size() > 0) {
                    throw new QueryException("unknown component '" + measure.component() + "' in measure '"
                            + measure.key() + "'; the data has " + String.join(", ", d.components()));
                }
                measureComponents[m] = c;
                if (c >= 0) {
                    used.add(c);
                    neededLimits[c] |= measure.kind() == Measure.Kind.LIMIT || measure.kind() == Measure.Kind.UTILISATION;
                }
            }
        }
        this.usedComponents = used.stream().mapToInt(Integer::intValue).sorted().toArray();
        this.allocationRows = q.measures().stream().anyMatch(m -> !m.onOrders());
        this.orderRows = q.measures().stream().anyMatch(Measure::onOrders);
        this.needsCost = q.measures().stream().anyMatch(m -> m.kind() == Measure.Kind.COST);
        this.trackProjects = q.measures().stream().anyMatch(m -> m.kind() == Measure.Kind.PROJECTS);
        if (allocationRows) {
            Set<Dimension> referenced = new HashSet<>(q.dimensions());
            collect(q.filter(), referenced);
            for (Dimension dim : referenced) {
                if (dim.ordersOnly()) {
                    throw new QueryException("dimension '" + dim.key() + "' applies only to the measures orders and "
                            + "order_cost, but the query also asks for " + q.measures().stream().filter(m -> !m.onOrders())
                                    .map(Measure::key).collect(Collectors.joining(", ")));
                }
            }
        }
        FilterCompiler compiler = new FilterCompiler(d);
        this.filter = compiler.compile(q.filter());
        this.warnings = compiler.warnings();
        this.aiPosition = q.dimensions().indexOf(Dimension.USED_AI_TECH);
        this.fromDay = (int) q.period().from().toEpochDay();
        this.toDay = (int) q.period().to().toEpochDay();
        for (SortKey s : q.sort()) {
            if (Dimension.byKey(s.key()).filter(q.dimensions()::contains).isEmpty()
                    && q.measures().stream().noneMatch(m -> m.key().equals(s.key()))) {
                throw new QueryException("cannot sort by '" + s.key() + "': it is not a dimension or measure of the query");
            }
        }
    }

    private static void collect(Filter f, Set<Dimension> out) {
        if (f instanceof Filter.And a) {
            collect(a.left(), out);
            collect(a.right(), out);
        } else if (f instanceof Filter.Or o) {
            collect(o.left(), out);
            collect(o.right(), out);
        } else if (f instanceof Filter.Not n) {
            collect(n.operand(), out);
        } else if (f instanceof Filter.Compare c) {
            out.add(c.dimension());
        } else if (f instanceof Filter.In in) {
            out.add(in.dimension());
        }
    }

    /** The groups a row with detail key {@code full} counts in: its detail group, subtotals and total. */
    void allKeys(int[] full, List<GroupKey> out) {
        out.add(new GroupKey(GroupKey.DETAIL, full));
        rollups(full, out);
    }

    /** A row's detail group only, for ranking the groups before top N. */
    void detailKey(int[] full, List<GroupKey> out) {
        out.add(new GroupKey(GroupKey.DETAIL, full));
    }

    /** Under top N: a kept group's subtotals and total, or "Other" (and the total) for the rest. */
    void rankedKeys(int[] full, List<GroupKey> out, Set<GroupKey> top) {
        if (top.contains(new GroupKey(GroupKey.DETAIL, full))) {
            rollups(full, out);
        } else {
            out.add(new GroupKey(GroupKey.OTHER, new int[0]));
            if (q.grandTotal() || full.length == 0) {
                out.add(new GroupKey(GroupKey.TOTAL, new int[0]));
            }
        }
    }

    /** Adds the subtotal and total keys that a row with detail key {@code full} counts in. */
    private void rollups(int[] full, List<GroupKey> out) {
        if (q.subtotals()) {
            for (int depth = 1; depth < full.length; depth++) {
                out.add(GroupKey.subtotal(full, depth));
            }
        }
        if (q.grandTotal() || full.length == 0) {
            out.add(new GroupKey(GroupKey.TOTAL, new int[0]));
        }
    }

    /** Code ranges of the query's dimensions, so the index can pack a row's codes into one {@code long}. */
    DetailIndex detailIndex() {
        List<Dimension> dims = q.dimensions();
        long[] from = new long[dims.size()];
        long[] size = new long[dims.size()];
        long firstMonth = Dataset.epochMonthOfDay(fromDay);
        long lastMonth = Dataset.epochMonthOfDay(toDay);
        for (int p = 0; p < dims.size(); p++) {
            switch (dims.get(p)) {
                case MONTH -> {
                    from[p] = firstMonth;
                    size[p] = lastMonth - firstMonth + 1;
                }
                case QUARTER -> {
                    from[p] = Math.floorDiv(firstMonth, 3);
                    size[p] = Math.floorDiv(lastMonth, 3) - from[p] + 1;
                }
                case YEAR -> {
                    from[p] = Math.floorDiv(firstMonth, 12);
                    size[p] = Math.floorDiv(lastMonth, 12) - from[p] + 1;
                }
                // allocation rows carry -1 for the order-only dimensions
                case ORDER_TYPE, ORDER_STATE -> {
                    from[p] = -1;
                    size[p] = values.domainSize(dims.get(p)) + 1L;
                }
                default -> size[p] = values.domainSize(dims.get(p));
            }
        }
        return new DetailIndex(from, size);
    }
}
