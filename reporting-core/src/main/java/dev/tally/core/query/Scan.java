package dev.tally.core.query;

import dev.tally.core.cost.Accrual;
import dev.tally.core.cost.RowFigures;
import dev.tally.core.dataset.Dataset;
import dev.tally.core.dataset.ExactSums;
import dev.tally.core.fact.OrderFact;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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
    private final int[] usedComponents;
    private final boolean allocationRows;
    private final boolean orderRows;
    private final boolean trackProjects;
    private final int aiPosition;
    private final int fromDay;
    private final int toDay;

    Scan(QueryPlan plan) {
        this.plan = plan;
        this.d = plan.d;
        this.q = plan.q;
        this.filter = plan.filter;
        this.usedComponents = plan.usedComponents;
        this.allocationRows = plan.allocationRows;
        this.orderRows = plan.orderRows;
        this.trackProjects = plan.trackProjects;
        this.aiPosition = plan.aiPosition;
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
        Pass pass = new Pass(mapper);
        Groups groups = pass.groups;
        ExactSums sums = pass.sums;
        RowContext row = new RowContext(d);
        boolean filtered = !(q.filter() instanceof Filter.All);
        int rowId = 0;
        if (allocationRows) {
            RowFigures fig = new RowFigures(d.components().size());
            Accrual accrual = Accrual.over(d, fromDay, toDay);
            int firstMonth = Dataset.epochMonthOfDay(fromDay);
            int lastMonth = Dataset.epochMonthOfDay(toDay);
            for (int i = from; i < to; i++) {
                if (d.firstDay(i) > toDay || d.lastDay(i) < fromDay) {
                    continue;
                }
                boolean hasUsage = d.usageStart(i) < d.usageEnd(i);
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
                        for (int u = d.usageStart(i); u < d.usageEnd(i); u++) {
                            if (d.usageMonth(u) == em) {
                                for (int k = 0; k < m; k++) {
                                    sums.addUsageRecord(sumsAt[k], u);
                                }
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

    /**
     * The groups of one pass and the way to them: each distinct full key gets a number from a
     * {@link DetailIndex}, and the slots {@code mapper} gives that key are worked out once and
     * remembered, so a row costs a packed-key lookup, not a {@link GroupKey} per group.
     *
     * <p>Without a multi-valued dimension every row has exactly one full key, so cost, limits and
     * usage are summed once per row, per full key (a <em>leaf</em>), and each group's sums are the
     * exact sums of its leaves' at the end. With {@code used_ai_tech}, a row with several values
     * reaches a subtotal through several full keys but counts there once, so sums go to every
     * group directly. Distinct allocations and projects are always counted per group.
     */
    private final class Pass {
        final Groups groups = new Groups(trackProjects);
        final ExactSums sums = new ExactSums(d, usedComponents);
        final boolean leafSums = aiPosition < 0;
        /** The current row's leaf, when {@link #leafSums}. */
        final int[] leaf = new int[1];
        final DetailIndex index = plan.detailIndex();
        final List<int[]> targets = new ArrayList<>();
        final Map<GroupKey, Integer> slotOf = new HashMap<>();
        final List<GroupKey> keys = new ArrayList<>();
        final Mapper mapper;
        final Dimension[] dims = q.dimensions().toArray(new Dimension[0]);
        final int[] full = new int[dims.length];
        /** The slots of the current row (read only, first {@code n} from {@link #slots}). */
        int[] rowSlots;
        private int[] buffer = new int[8];

        Pass(Mapper mapper) {
            this.mapper = mapper;
        }

        /** Fills {@link #rowSlots} with the distinct slots of a row (one full key per {@code used_ai_tech} value when grouped by it); returns how many. */
        int slots(RowContext row, int rowId) {
            for (int p = 0; p < full.length; p++) {
                if (p != aiPosition) {
                    full[p] = row.code(dims[p]);
                }
            }
            if (aiPosition >= 0) {
                return multiValuedSlots(row, rowId);
            }
            // a mapper's keys are distinct, so one full key needs no check for repeats
            leaf[0] = index.id(full);
            rowSlots = targets(leaf[0]);
            return rowSlots.length;
        }

        /** {@link #slots} for a query grouped by {@code used_ai_tech}: the slots of all its values, each once. */
        private int multiValuedSlots(RowContext row, int rowId) {
            int n = 0;
            for (int v : row.aiTech()) {
                full[aiPosition] = v;
                n = add(targets(index.id(full)), rowId, n);
            }
            rowSlots = buffer;
            return n;
        }

        private int add(int[] slots, int rowId, int n) {
            for (int slot : slots) {
                if (groups.firstForRow(slot, rowId)) {
                    if (n == buffer.length) {
                        buffer = Arrays.copyOf(buffer, n * 2);
                    }
                    buffer[n++] = slot;
                }
            }
            return n;
        }

        /** The slots of detail key {@code id} (whose codes are in {@link #full}), worked out on its first row. */
        private int[] targets(int id) {
            return id < targets.size() ? targets.get(id) : newTargets();
        }

        private int[] newTargets() {
            List<GroupKey> mapped = new ArrayList<>();
            mapper.map(full.clone(), mapped);
            int[] slots = mapped.stream().distinct().mapToInt(key -> slotOf.computeIfAbsent(key, k -> {
                keys.add(k);
                return groups.newSlot();
            })).toArray();
            targets.add(slots);
            sums.ensure(leafSums ? targets.size() : keys.size());
            return slots;
        }

        Map<GroupKey, Accumulator> results() {
            int components = d.components().size();
            Accumulator[] results = new Accumulator[keys.size()];
            for (int slot = 0; slot < results.length; slot++) {
                results[slot] = new Accumulator(components, false);
                groups.finish(slot, results[slot]);
            }
            if (leafSums) {
                for (int id = 0; id < targets.size(); id++) {
                    for (int slot : targets.get(id)) {
                        addSums(results[slot], id, components);
                    }
                }
            } else {
                for (int slot = 0; slot < results.length; slot++) {
                    addSums(results[slot], slot, components);
                }
            }
            Map<GroupKey, Accumulator> out = new HashMap<>();
            for (int slot = 0; slot < results.length; slot++) {
                out.put(keys.get(slot), results[slot]);
            }
            return out;
        }

        /** Adds the sums at {@code at} (a leaf or a slot) to a group's figures; exact, so the order of adding does not matter. */
        private void addSums(Accumulator a, int at, int components) {
            a.cost = a.cost.add(sums.cost(at));
            for (int c = 0; c < components; c++) {
                a.limits[c] = plus(a.limits[c], sums.limit(at, c));
                a.usages[c] = plus(a.usages[c], sums.usage(at, c));
            }
        }

        private static BigDecimal plus(BigDecimal sum, BigDecimal value) {
            return value == null ? sum : sum == null ? value : sum.add(value);
        }
    }
}
