package dev.tally.core.query;

import dev.tally.core.cost.Accrual;
import dev.tally.core.dataset.Dataset;
import dev.tally.core.dataset.ExactSums;
import dev.tally.core.cost.RowFigures;
import dev.tally.core.fact.OrderFact;
import dev.tally.core.table.Column;
import dev.tally.core.table.ColumnType;
import dev.tally.core.table.ResultTable;
import dev.tally.core.table.RowKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Runs a {@link Query} on a {@link Dataset} and returns a plain result table.
 *
 * <p>Rows of two kinds feed the groups: <em>allocation months</em> (each allocation in each month of
 * the period on which it existed: cost, limits, usage, allocations, projects) and <em>orders</em>
 * (each order whose day lies in the period: orders, order cost). The filter is tested on each row;
 * {@code order_type} and {@code order_state} exist on order rows only, so they can only be used with
 * the order measures. A row goes to one group per value of a multi-valued dimension.
 *
 * <p>Every figure, including each subtotal, the "Other" bucket and the grand total, is computed from
 * the rows, never by adding up printed rows: an allocation is counted once in a group however many
 * months or {@code used_ai_tech} values it has there, and a project once however many allocations.
 * Nothing is stored per allocation month: memory grows with the number of groups, not with the data.
 */
public final class QueryEngine {
    private QueryEngine() {
    }

    /** Runs the query. A {@link QueryException} names what is wrong with it. */
    public static ResultTable run(Dataset dataset, Query query) {
        return new Run(dataset, query).table();
    }

    /**
     * Allocations per chunk of a parallel pass (see {@code Run.pass}). The system property
     * {@code tally.query.chunkSize} can make it small, so tests on small data go through the merge too.
     */
    private static final int CHUNK_SIZE = Math.max(1, Integer.getInteger("tally.query.chunkSize", 1 << 18));

    private static final class Run {
        private final Dataset d;
        private final Query q;
        private final DimensionValues values;
        private final Predicate filter;
        private final int[] measureComponents;
        private final int[] usedComponents;
        private final boolean allocationRows;
        private final boolean orderRows;
        private final boolean trackProjects;
        private final int aiPosition;
        private final int fromDay;
        private final int toDay;

        Run(Dataset d, Query q) {
            this.d = d;
            this.q = q;
            this.values = new DimensionValues(d);
            this.measureComponents = new int[q.measures().size()];
            Set<Integer> used = new HashSet<>();
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
                    }
                }
            }
            this.usedComponents = used.stream().mapToInt(Integer::intValue).sorted().toArray();
            this.allocationRows = q.measures().stream().anyMatch(m -> !m.onOrders());
            this.orderRows = q.measures().stream().anyMatch(Measure::onOrders);
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
            this.filter = new FilterCompiler(d).compile(q.filter());
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

        /** Maps a row's full key to the keys it counts in. */
        private interface Mapper {
            void map(int[] full, List<GroupKey> out);
        }

        ResultTable table() {
            int dims = q.dimensions().size();
            boolean ranked = q.top() > 0;
            Set<GroupKey> kept = null;
            Map<GroupKey, Accumulator> detail;
            Map<GroupKey, Accumulator> rollups;
            if (!ranked) {
                Map<GroupKey, Accumulator> all = pass((full, out) -> {
                    out.add(new GroupKey(GroupKey.DETAIL, full));
                    rollups(full, out);
                });
                detail = only(all, GroupKey.DETAIL);
                rollups = all;
            } else {
                detail = pass((full, out) -> out.add(new GroupKey(GroupKey.DETAIL, full)));
                List<GroupKey> sorted = sorted(detail);
                kept = new HashSet<>(sorted.subList(0, Math.min(q.top(), sorted.size())));
                Set<GroupKey> top = kept;
                rollups = pass((full, out) -> {
                    if (top.contains(new GroupKey(GroupKey.DETAIL, full))) {
                        rollups(full, out);
                    } else {
                        out.add(new GroupKey(GroupKey.OTHER, new int[0]));
                        if (q.grandTotal() || dims == 0) {
                            out.add(new GroupKey(GroupKey.TOTAL, new int[0]));
                        }
                    }
                });
            }
            List<GroupKey> order = sorted(detail);
            if (kept != null) {
                Set<GroupKey> top = kept;
                order = order.stream().filter(top::contains).toList();
            }
            return layout(order, detail, rollups);
        }

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

        private static Map<GroupKey, Accumulator> only(Map<GroupKey, Accumulator> all, int level) {
            Map<GroupKey, Accumulator> out = new HashMap<>();
            all.forEach((k, v) -> {
                if (k.level == level) {
                    out.put(k, v);
                }
            });
            return out;
        }

        /**
         * One pass over all rows, accumulating into the keys {@code mapper} gives each row. Large
         * datasets are cut into chunks of allocations that run in parallel, each with its own groups;
         * merging them is exact (sums add, an allocation lies in one chunk only, projects are sets).
         */
        private Map<GroupKey, Accumulator> pass(Mapper mapper) {
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
            final DetailIndex index = detailIndex();
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

        /** Code ranges of the query's dimensions, so the index can pack a row's codes into one {@code long}. */
        private DetailIndex detailIndex() {
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

        /** Detail keys in the query's sort order (by default its dimensions' natural order). */
        private List<GroupKey> sorted(Map<GroupKey, Accumulator> detail) {
            Comparator<GroupKey> byDims = (a, b) -> 0;
            for (int p = 0; p < q.dimensions().size(); p++) {
                int pos = p;
                Comparator<Integer> natural = values.order(q.dimensions().get(p));
                byDims = byDims.thenComparing((a, b) -> natural.compare(a.codes[pos], b.codes[pos]));
            }
            List<SortKey> sort = q.sort();
            if (sort.isEmpty() && q.top() > 0) {
                sort = List.of(new SortKey(q.measures().get(0).key(), true));
            }
            Comparator<GroupKey> cmp = (a, b) -> 0;
            for (SortKey s : sort) {
                int dimPos = Dimension.byKey(s.key()).map(q.dimensions()::indexOf).orElse(-1);
                Comparator<GroupKey> one;
                if (dimPos >= 0) {
                    Comparator<Integer> natural = values.order(q.dimensions().get(dimPos));
                    one = (a, b) -> natural.compare(a.codes[dimPos], b.codes[dimPos]);
                    one = s.descending() ? one.reversed() : one;
                } else {
                    int m = measureIndex(s.key());
                    // nulls go last in both directions
                    one = (a, b) -> {
                        Object x = value(detail.get(a), m);
                        Object y = value(detail.get(b), m);
                        if (x == null || y == null) {
                            return x == null ? (y == null ? 0 : 1) : -1;
                        }
                        return s.descending() ? compareValues(y, x) : compareValues(x, y);
                    };
                }
                cmp = cmp.thenComparing(one);
            }
            List<GroupKey> keys = new ArrayList<>(detail.keySet());
            keys.sort(cmp.thenComparing(byDims));
            return keys;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static int compareValues(Object x, Object y) {
            return ((Comparable) x).compareTo(y);
        }

        private int measureIndex(String key) {
            for (int m = 0; m < q.measures().size(); m++) {
                if (q.measures().get(m).key().equals(key)) {
                    return m;
                }
            }
            throw new QueryException("unknown measure '" + key + "'");
        }

        /** The value of measure {@code m} for a group: {@code Long} counts, {@code BigDecimal} sums and ratios; null when undefined. */
        private Object value(Accumulator a, int m) {
            Measure measure = q.measures().get(m);
            int c = measureComponents[m];
            return switch (measure.kind()) {
                case ALLOCATIONS -> a.allocations;
                case PROJECTS -> (long) a.projects.cardinality();
                case COST -> a.cost;
                case ORDER_COST -> a.orderCost;
                case ORDERS -> a.orders;
                case LIMIT -> c < 0 || a.limits[c] == null ? BigDecimal.ZERO : a.limits[c];
                case USAGE -> c < 0 || a.usages[c] == null ? BigDecimal.ZERO : a.usages[c];
                case UTILISATION -> c < 0 || a.limits[c] == null || a.limits[c].signum() == 0 ? null
                        : (a.usages[c] == null ? BigDecimal.ZERO : a.usages[c]).divide(a.limits[c], Accrual.PRECISION);
            };
        }

        private ResultTable layout(List<GroupKey> order, Map<GroupKey, Accumulator> detail,
                Map<GroupKey, Accumulator> rollups) {
            List<Dimension> dims = q.dimensions();
            boolean multi = aiPosition >= 0;
            List<Column> columns = new ArrayList<>();
            for (Dimension dim : dims) {
                columns.add(new Column(dim.key(), dim.title(), ColumnType.TEXT));
            }
            for (Measure m : q.measures()) {
                boolean additive = !multi && m.kind() != Measure.Kind.PROJECTS;
                columns.add(new Column(m.key(), m.title(), m.type(), additive));
            }
            List<List<Object>> rows = new ArrayList<>();
            List<RowKind> kinds = new ArrayList<>();
            Accumulator empty = new Accumulator(d.components().size(), trackProjects);
            if (dims.isEmpty()) {
                Accumulator total = rollups.getOrDefault(new GroupKey(GroupKey.TOTAL, new int[0]), empty);
                rows.add(measureValues(new ArrayList<>(), total));
                kinds.add(RowKind.DETAIL);
                return new ResultTable("query", title(), columns, rows, null, notes(), kinds);
            }
            emit(order, 0, detail, rollups, rows, kinds);
            Accumulator other = rollups.get(new GroupKey(GroupKey.OTHER, new int[0]));
            if (other != null) {
                List<Object> row = new ArrayList<>();
                row.add("Other");
                for (int p = 1; p < dims.size(); p++) {
                    row.add("");
                }
                rows.add(measureValues(row, other));
                kinds.add(RowKind.OTHER);
            }
            List<Object> totals = null;
            if (q.grandTotal()) {
                totals = new ArrayList<>();
                totals.add("Total");
                for (int p = 1; p < dims.size(); p++) {
                    totals.add("");
                }
                measureValues(totals, rollups.getOrDefault(new GroupKey(GroupKey.TOTAL, new int[0]), empty));
            }
            return new ResultTable("query", title(), columns, rows, totals, notes(), kinds);
        }

        /** Emits rows grouped by their first {@code depth + 1} dimensions, each group followed by its subtotal. */
        private void emit(List<GroupKey> keys, int depth, Map<GroupKey, Accumulator> detail,
                Map<GroupKey, Accumulator> rollups, List<List<Object>> rows, List<RowKind> kinds) {
            int dims = q.dimensions().size();
            if (!q.subtotals() || depth >= dims - 1) {
                for (GroupKey k : keys) {
                    rows.add(measureValues(labels(k.codes, dims), detail.get(k)));
                    kinds.add(RowKind.DETAIL);
                }
                return;
            }
            Map<Integer, List<GroupKey>> groups = new LinkedHashMap<>();
            for (GroupKey k : keys) {
                groups.computeIfAbsent(k.codes[depth], x -> new ArrayList<>()).add(k);
            }
            for (List<GroupKey> group : groups.values()) {
                emit(group, depth + 1, detail, rollups, rows, kinds);
                GroupKey sub = GroupKey.subtotal(group.get(0).codes, depth + 1);
                List<Object> row = labels(sub.codes, depth + 1);
                row.add("Subtotal");
                while (row.size() < dims) {
                    row.add("");
                }
                rows.add(measureValues(row, rollups.get(sub)));
                kinds.add(RowKind.subtotal(depth + 1));
            }
        }

        private List<Object> labels(int[] codes, int count) {
            List<Object> out = new ArrayList<>();
            for (int p = 0; p < count; p++) {
                out.add(values.label(q.dimensions().get(p), codes[p]));
            }
            return out;
        }

        private List<Object> measureValues(List<Object> row, Accumulator a) {
            for (int m = 0; m < q.measures().size(); m++) {
                row.add(value(a, m));
            }
            return row;
        }

        private String title() {
            String measures = q.measures().stream().map(Measure::key).collect(Collectors.joining(", "));
            String by = q.dimensions().isEmpty() ? ""
                    : " by " + q.dimensions().stream().map(Dimension::key).collect(Collectors.joining(", "));
            return measures + by + ", " + q.period().label();
        }

        private List<String> notes() {
            List<String> notes = new ArrayList<>();
            notes.add("Period " + q.period().from() + " to " + q.period().to() + " (UTC days, both included).");
            if (aiPosition >= 0) {
                notes.add("used_ai_tech is multi-valued: an allocation appears once under each of its values, and under "
                        + Dataset.NO_AI_TECH + " when it has none; subtotals and totals count each allocation once, "
                        + "so they can be less than the sum of the rows.");
            }
            if (trackProjects) {
                notes.add("projects counts distinct projects: a project in several rows counts once in subtotals and totals.");
            }
            if (q.top() > 0) {
                notes.add("Groups after the first " + q.top() + " are summed in 'Other'" + (q.subtotals()
                        ? "; subtotals cover the groups shown." : "."));
            }
            boolean wholeMonths = q.period().from().getDayOfMonth() == 1
                    && q.period().to().equals(q.period().to().withDayOfMonth(q.period().to().lengthOfMonth()));
            boolean usage = q.measures().stream().anyMatch(m -> m.kind() == Measure.Kind.USAGE
                    || m.kind() == Measure.Kind.UTILISATION);
            if (usage && !wholeMonths) {
                notes.add("Usage is reported per month and counts only for months whose first day is in the period.");
            }
            return notes;
        }
    }
}
