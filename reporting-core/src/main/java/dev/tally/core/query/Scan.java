package dev.tally.core.query;

import dev.tally.core.cost.Accrual;
import dev.tally.core.cost.RowFigures;
import dev.tally.core.dataset.Dataset;
import dev.tally.core.dataset.ExactSums;
import dev.tally.core.fact.OrderFact;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The accumulation step of a query: one pass over the dataset's allocation months and orders, adding
 * each row that passes the filter to the groups its key maps to. Large datasets are cut into chunks
 * that run in parallel. Nothing is stored per allocation month: memory grows with the groups.
 */
final class Scan {
    /**
     * Allocations per chunk of a parallel pass. The system property {@code tally.query.chunkSize} can
     * make it small, so tests on small data go through the merge too.
     */
    private static final int CHUNK_SIZE = Math.max(1, Integer.getInteger("tally.query.chunkSize", 1 << 18));

    private final QueryPlan plan;
    private final Dataset d;
    private final Query q;
    private final Predicate filter;
    private final boolean allocationRows;
    private final boolean orderRows;
    private final int fromDay;
    private final int toDay;

    Scan(QueryPlan plan) {
        this.plan = plan;
        this.d = plan.d;
        this.q = plan.q;
        this.filter = plan.filter;
        this.allocationRows = plan.allocationRows;
        this.orderRows = plan.orderRows;
        this.fromDay = plan.fromDay;
        this.toDay = plan.toDay;
    }

    /** Maps a row's full key to the keys it counts in. */
    interface Mapper {
        void map(int[] full, List<GroupKey> out);
    }

    /**
     * One pass over all rows, accumulating into the keys {@code mapper} gives each row. Large
     * datasets are cut into chunks of allocations that run in parallel, each with its own groups;
     * merging them is exact (sums add, an allocation lies in one chunk only, projects are sets).
     */
    Map<GroupKey, Accumulator> pass(Mapper mapper) {
        int chunks = (int) Math.max(1, (d.size() + (long) CHUNK_SIZE - 1) / CHUNK_SIZE);
        if (chunks == 1) {
            return pass(mapper, 0, d.size(), true);
        }
        List<Map<GroupKey, Accumulator>> parts = IntStream.range(0, chunks).parallel()
                .mapToObj(c -> pass(mapper, c * CHUNK_SIZE, (int) Math.min(d.size(), (long) (c + 1) * CHUNK_SIZE), c == 0))
                .toList();
        Map<GroupKey, Accumulator> merged = new HashMap<>(parts.get(0));
        for (Map<GroupKey, Accumulator> part : parts.subList(1, parts.size())) {
            part.forEach((k, a) -> merged.merge(k, a, Accumulator::add));
        }
        return merged;
    }

    /** One pass over the allocations {@code from … to-1} (and, when {@code withOrders}, all orders). */
    private Map<GroupKey, Accumulator> pass(Mapper mapper, int from, int to, boolean withOrders) {
        GroupSlots pass = new GroupSlots(plan, mapper);
        Groups groups = pass.groups;
        ExactSums sums = pass.sums;
        RowContext row = new RowContext(d);
        boolean filtered = !(q.filter() instanceof Filter.All);
        int rowId = 0;
        if (allocationRows) {
            RowFigures fig = new RowFigures(d.components().size());
            // only the figures the measures read: a usage-only query does no division for a month begun or ended
            Accrual accrual = Accrual.over(d, fromDay, toDay, plan.needsCost, plan.neededLimits);
            int firstMonth = Dataset.epochMonthOfDay(fromDay);
            int lastMonth = Dataset.epochMonthOfDay(toDay);
            for (int i = from; i < to; i++) {
                if (d.firstDay(i) > toDay || d.lastDay(i) < fromDay) {
                    continue;
                }
                boolean hasUsage = d.usageStart(i) < d.usageEnd(i);
                // the allocation's usage records are in month order: one cursor walks them once over all months
                int usage = d.usageStart(i);
                int usageEnd = d.usageEnd(i);
                for (int em = firstMonth; em <= lastMonth; em++) {
                    // most rows are whole months under one plan: their figures are precomputed in the dataset
                    int seg = accrual.wholeMonthSegment(i, em);
                    if (seg >= 0) {
                        row.plan = d.segmentPlan(seg);
                    } else if (accrual.month(i, em, fig)) {
                        row.plan = fig.plan();
                    } else {
                        // months outside the allocation's life are rejected by the accrual without work
                        continue;
                    }
                    row.alloc = i;
                    row.month = em;
                    if (filtered && !filter.test(row)) {
                        continue;
                    }
                    int n = pass.slots(row, rowId++);
                    int[] slots = pass.rowSlots;
                    int project = d.project(i);
                    for (int k = 0; k < n; k++) {
                        groups.countAllocation(slots[k], i, project);
                    }
                    int[] sumsAt = pass.leafSums ? pass.leaf : slots;
                    int m = pass.leafSums ? 1 : n;
                    for (int k = 0; k < m; k++) {
                        if (seg >= 0) {
                            sums.addWholeMonth(sumsAt[k], seg);
                        } else {
                            sums.addRow(sumsAt[k], fig);
                        }
                    }
                    if (seg >= 0 && hasUsage && accrual.countsUsage(em)) {
                        while (usage < usageEnd && d.usageMonth(usage) < em) {
                            usage++;
                        }
                        for (int u = usage; u < usageEnd && d.usageMonth(u) == em; u++) {
                            for (int k = 0; k < m; k++) {
                                sums.addUsageRecord(sumsAt[k], u);
                            }
                        }
                    }
                }
            }
        }
        if (orderRows && withOrders) {
            for (int j = 0; j < d.orders().size(); j++) {
                int i = d.orderAllocation(j);
                OrderFact o = d.orders().get(j);
                LocalDate day = o.day();
                if (i < 0 || day == null || day.toEpochDay() < fromDay || day.toEpochDay() > toDay) {
                    continue;
                }
                row.alloc = i;
                row.month = Dataset.epochMonthOfDay((int) day.toEpochDay());
                row.plan = d.planOn(i, (int) day.toEpochDay());
                row.orderType = o.type().ordinal();
                row.orderState = o.state().ordinal();
                if (filtered && !filter.test(row)) {
                    continue;
                }
                int n = pass.slots(row, rowId++);
                for (int k = 0; k < n; k++) {
                    groups.addOrder(pass.rowSlots[k], o.countsCost() ? o.cost() : null);
                }
            }
            row.orderType = -1;
            row.orderState = -1;
        }
        return pass.results();
    }
}
