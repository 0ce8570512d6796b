package dev.tally.core.query;

import dev.tally.core.cost.Accrual;
import dev.tally.core.dataset.Dataset;
import dev.tally.core.table.Column;
import dev.tally.core.table.ColumnType;
import dev.tally.core.table.ResultTable;
import dev.tally.core.table.RowKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The layout step of a query: sorts the detail groups, emits each followed by its subtotals, the
 * "Other" bucket and the grand total, and turns each group's figures into measure values.
 */
final class Layout {
    private final Dataset d;
    private final Query q;
    private final DimensionValues values;
    private final int[] measureComponents;
    private final boolean trackProjects;
    private final int aiPosition;
    private final List<String> warnings;

    Layout(QueryPlan plan) {
        this.warnings = plan.warnings;
        this.d = plan.d;
        this.q = plan.q;
        this.values = plan.values;
        this.measureComponents = plan.measureComponents;
        this.trackProjects = plan.trackProjects;
        this.aiPosition = plan.aiPosition;
    }

    /** The first N detail keys in the sort order: the groups shown under top N. */
    Set<GroupKey> top(Map<GroupKey, Accumulator> detail) {
        List<GroupKey> sorted = sorted(detail);
        return new HashSet<>(sorted.subList(0, Math.min(q.top(), sorted.size())));
    }

    /** Detail keys in the query's sort order (by default its dimensions' natural order). */
    List<GroupKey> sorted(Map<GroupKey, Accumulator> detail) {
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

    /** The result table: {@code order} are the detail keys shown, {@code rollups} the subtotal, Other and total groups. */
    ResultTable table(List<GroupKey> order, Map<GroupKey, Accumulator> detail,
            Map<GroupKey, Accumulator> rollups) {
        List<Dimension> dims = q.dimensions();
        boolean multi = aiPosition >= 0;
        List<Column> columns = new ArrayList<>();
        boolean nonShares = nonShareRows(order).length() > 0;
        for (Dimension dim : dims) {
            // a row that is no country share is never under a bare "Country share" heading
            String title = dim == Dimension.COUNTRY && nonShares ? dim.title() + " or other offering" : dim.title();
            columns.add(new Column(dim.key(), title, ColumnType.TEXT));
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
            row.add(otherLabel(detail.size() - order.size()));
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
        List<String> notes = notes();
        String others = nonShareRows(order);
        if (!others.isEmpty()) {
            boolean several = others.contains(", ");
            notes.add(others + (several ? " are not country shares: offerings" : " is not a country share: an offering")
                    + " outside LUMI's \"LUMI <Country>\" naming, listed under " + (several ? "their own names" : "its own name")
                    + " and counted in no country.");
        }
        return new ResultTable("query", title(), columns, rows, totals, notes, kinds);
    }

    /** The non-share offerings among the rows shown, by name, comma-separated; empty when none or no country dimension. */
    private String nonShareRows(List<GroupKey> order) {
        int p = q.dimensions().indexOf(Dimension.COUNTRY);
        if (p < 0) {
            return "";
        }
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (GroupKey k : order) {
            if (d.shareKind(k.codes[p]) == dev.tally.core.country.ShareKind.NON_SHARE) {
                names.add(values.label(Dimension.COUNTRY, k.codes[p]));
            }
        }
        return String.join(", ", names);
    }

    /**
     * The label of the top-N bucket, "Other (12 more)": it says how many groups it holds, and it never
     * reads as a real value named "Other" (an AI technology is called that).
     */
    static String otherLabel(int groups) {
        return "Other (" + groups + " more)";
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
        warnings.forEach(w -> notes.add("Warning: " + w + "."));
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
