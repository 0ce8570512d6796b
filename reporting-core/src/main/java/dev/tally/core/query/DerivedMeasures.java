package dev.tally.core.query;

import dev.tally.core.dataset.Dataset;
import dev.tally.core.table.Column;
import dev.tally.core.table.ColumnType;
import dev.tally.core.table.ResultTable;
import dev.tally.core.table.RowKind;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code share.}, {@code change.} and {@code change_pct.} measures (docs/definitions.md, "Derived
 * measures"). The query runs with their base measures; a share divides each row's figure by the
 * total's; a change subtracts the same group's figure in the previous period, found by running the
 * base query over that period and joining on the rows' labels. When the query groups by month,
 * quarter or year, "the previous period" of a row is the month, quarter or year before it, so a
 * trend shows its change from row to row; otherwise it is the period of the same length before the
 * query's ({@link Period#previous()}).
 */
final class DerivedMeasures {
    private final Dataset d;
    private final Query q;
    private final List<Measure> bases;
    private final int temporal;

    DerivedMeasures(Dataset d, Query q) {
        this.d = d;
        this.q = q;
        Set<Measure> b = new LinkedHashSet<>();
        q.measures().forEach(m -> b.add(m.base()));
        this.bases = List.copyOf(b);
        int t = -1;
        for (int p = 0; p < q.dimensions().size() && t < 0; p++) {
            t = q.dimensions().get(p).temporal() ? p : -1;
        }
        this.temporal = t;
    }

    static boolean any(Query q) {
        return q.measures().stream().anyMatch(Measure::isDerived);
    }

    ResultTable run() {
        ResultTable current = QueryEngine.run(d, baseQuery(q.period(), q.top(), baseSort()));
        boolean changes = q.measures().stream().anyMatch(m -> m.derived() == Measure.Derived.CHANGE
                || m.derived() == Measure.Derived.CHANGE_PCT);
        Period previous = temporal >= 0 ? extendedBack(q.period(), q.dimensions().get(temporal)) : q.period().previous();
        Map<List<Object>, List<Object>> before = new HashMap<>();
        List<Object> beforeTotals = null;
        if (changes) {
            ResultTable prev = QueryEngine.run(d, baseQuery(previous, 0, List.of()));
            int nd = q.dimensions().size();
            for (List<Object> row : prev.rows()) {
                List<Object> key = new ArrayList<>(row.subList(0, nd));
                if (temporal >= 0) {
                    key.set(temporal, next(q.dimensions().get(temporal), String.valueOf(key.get(temporal))));
                }
                before.put(key, row.subList(nd, row.size()));
            }
            if (nd == 0 && !prev.rows().isEmpty()) {
                before.put(List.of(), prev.rows().get(0));
            }
            beforeTotals = temporal >= 0 || prev.totals() == null ? null : prev.totals().subList(nd, prev.totals().size());
        }
        return table(current, before, beforeTotals, previous);
    }

    /** The query with the base measures in place of the requested ones, over {@code period}. */
    private Query baseQuery(Period period, int top, List<SortKey> sort) {
        return new Query(period, q.dimensions(), bases, q.filter(), sort, top, q.subtotals(), true);
    }

    /** Sorting by {@code share.cost} is sorting by {@code cost}; a change cannot be sorted by (it is computed after). */
    private List<SortKey> baseSort() {
        List<SortKey> out = new ArrayList<>();
        for (SortKey s : q.sort()) {
            String key = s.key();
            if (key.startsWith(Measure.Derived.CHANGE.prefix()) || key.startsWith(Measure.Derived.CHANGE_PCT.prefix())) {
                throw new QueryException("cannot sort by '" + key + "': changes are computed after the rows are sorted; sort by "
                        + key.substring(key.indexOf('.') + 1) + " or a dimension");
            }
            out.add(key.startsWith(Measure.Derived.SHARE.prefix())
                    ? new SortKey(key.substring(Measure.Derived.SHARE.prefix().length()), s.descending()) : s);
        }
        return out;
    }

    private ResultTable table(ResultTable current, Map<List<Object>, List<Object>> before, List<Object> beforeTotals,
            Period previous) {
        int nd = q.dimensions().size();
        List<Column> columns = new ArrayList<>(current.columns().subList(0, nd));
        for (Measure m : q.measures()) {
            Column base = current.columns().get(nd + bases.indexOf(m.base()));
            columns.add(m.isDerived() ? new Column(m.key(), m.title(), m.type(), false) : base);
        }
        List<Object> totals = current.totals() == null ? null : current.totals().subList(nd, current.totals().size());
        List<Object> totalFigures = totals != null ? totals : nd == 0 ? current.rows().get(0) : null;
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < current.rows().size(); r++) {
            List<Object> row = current.rows().get(r);
            List<Object> labels = row.subList(0, nd);
            boolean other = current.rowKinds().get(r) == RowKind.OTHER;
            List<Object> prev = other ? null : before.get(labels);
            rows.add(derivedRow(labels, nd == 0 ? row : row.subList(nd, row.size()), prev, !other, totalFigures));
        }
        List<Object> outTotals = null;
        if (q.grandTotal() && current.totals() != null) {
            outTotals = derivedRow(current.totals().subList(0, nd), totals, beforeTotals, beforeTotals != null, totals);
        }
        List<String> notes = new ArrayList<>(current.notes());
        notes.addAll(notes(previous));
        return new ResultTable(current.name(), current.title().replace(bases.stream().map(Measure::key)
                .collect(java.util.stream.Collectors.joining(", ")), q.measures().stream().map(Measure::key)
                .collect(java.util.stream.Collectors.joining(", "))), columns, rows, outTotals, notes, current.rowKinds());
    }

    /**
     * The labels, then each requested measure's figure. {@code prev} is the same group's base figures
     * in the previous period, or null; {@code comparable} is false for rows with no counterpart
     * ("Other", whose groups differ between periods).
     */
    private List<Object> derivedRow(List<Object> labels, List<Object> figures, List<Object> prev, boolean comparable,
            List<Object> totals) {
        List<Object> out = new ArrayList<>(labels);
        for (Measure m : q.measures()) {
            int b = bases.indexOf(m.base());
            Object v = figures.get(b);
            out.add(switch (m.derived()) {
                case NONE -> v;
                case SHARE -> ratio(v, totals == null ? null : totals.get(b));
                case CHANGE -> comparable ? difference(v, previousFigure(prev, b, m)) : null;
                case CHANGE_PCT -> {
                    Object p = comparable ? previousFigure(prev, b, m) : null;
                    Object diff = difference(v, p);
                    yield ratio(diff, p);
                }
            });
        }
        return out;
    }

    /** A group absent from the previous period had zero of a summable figure, and no utilisation. */
    private static Object previousFigure(List<Object> prev, int b, Measure m) {
        if (prev != null) {
            return prev.get(b);
        }
        ColumnType type = m.base().type();
        return switch (type) {
            case COUNT -> 0L;
            case MONEY, KHOURS -> BigDecimal.ZERO;
            default -> null;
        };
    }

    private static BigDecimal number(Object v) {
        return v == null ? null : v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
    }

    private static Object difference(Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        if (a instanceof Long x && b instanceof Long y) {
            return x - y;
        }
        return number(a).subtract(number(b));
    }

    /** {@code a / b}, or null when either is missing or {@code b} is zero. */
    private static BigDecimal ratio(Object a, Object b) {
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        return x == null || y == null || y.signum() == 0 ? null : x.divide(y, MathContext.DECIMAL64);
    }

    private List<String> notes(Period previous) {
        List<String> out = new ArrayList<>();
        for (Measure m : q.measures()) {
            // in words (the columns' titles), since notes travel with the table to people
            String base = m.base().title().toLowerCase(java.util.Locale.ROOT);
            switch (m.derived()) {
                case SHARE -> out.add(m.title() + ": each row's " + base + " as a percentage of the total's"
                        + (q.dimensions().contains(Dimension.USED_AI_TECH) ? " (AI technology rows overlap, so they add up to more)"
                                : "") + ".");
                case CHANGE -> out.add(m.title() + ": " + base + " minus its value " + against(previous) + ".");
                case CHANGE_PCT -> out.add(m.title() + ": the change in " + base + " as a percentage of its value "
                        + against(previous) + "; empty where that value is zero or missing.");
                default -> { }
            }
        }
        return out;
    }

    private String against(Period previous) {
        if (temporal >= 0) {
            return "in the " + q.dimensions().get(temporal).key() + " before the row's";
        }
        return "in the previous period, " + previous.label() + " (" + previous.from() + " to " + previous.to() + ")";
    }

    /** The query's period with one more month, quarter or year before it, so its first row has a predecessor. */
    private static Period extendedBack(Period p, Dimension dim) {
        LocalDate from = switch (dim) {
            case MONTH -> p.from().minusMonths(1);
            case QUARTER -> p.from().minusMonths(3);
            default -> p.from().minusYears(1);
        };
        return Period.range(from, p.to());
    }

    /** The label of the month, quarter or year after {@code label}. */
    private static String next(Dimension dim, String label) {
        Function<String, String> f = switch (dim) {
            case MONTH -> l -> YearMonth.parse(l).plusMonths(1).toString();
            case QUARTER -> l -> {
                int year = Integer.parseInt(l.substring(0, 4));
                int quarter = l.charAt(l.length() - 1) - '0';
                return quarter == 4 ? (year + 1) + "-Q1" : year + "-Q" + (quarter + 1);
            };
            default -> l -> Integer.toString(Integer.parseInt(l) + 1);
        };
        return f.apply(label);
    }
}
