package dev.tally.cli.report;

import dev.tally.cli.template.CompareSpec;
import dev.tally.cli.template.QuerySpec;
import dev.tally.cli.template.SectionSpec;
import dev.tally.core.dataset.Dataset;
import dev.tally.core.query.Dimension;
import dev.tally.core.query.Period;
import dev.tally.core.query.Query;
import dev.tally.core.query.QueryEngine;
import dev.tally.core.table.Column;
import dev.tally.core.table.ColumnType;
import dev.tally.core.table.ResultTable;
import dev.tally.core.table.RowKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One query section of a template: its query goes through the core engine, and the result is shaped as the template
 * asks (pivoted, with share, entitlement and comparison columns). Every figure, total included, comes from the core;
 * this class only moves values between columns. Holds no state between sections, so sections may run concurrently.
 */
final class QuerySection {
    private final Dataset dataset;
    private final Entitlements entitlements;

    QuerySection(Dataset dataset, Entitlements entitlements) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.entitlements = Objects.requireNonNull(entitlements, "entitlements");
    }

    /** The section's query over its period (relative to the report's {@code report}), shaped as the template asks. */
    ResultTable table(SectionSpec s, Period report) {
        QuerySpec q = s.query();
        Period period = q.period().resolve(report);
        EditableTable t;
        if (s.pivot() != null) {
            t = pivot(q, s.pivot(), period);
        } else {
            t = new EditableTable(run(q, q.dimensions(), expand(q.measures()), period, q.top(), q.subtotals(), q.total(), q.sort()));
        }
        if (s.shares()) {
            addShares(t);
        }
        for (CompareSpec c : s.compare()) {
            addComparison(t, q, c, report);
        }
        return new ResultTable(s.name(), s.title() + ", " + period.label(), t.columns, t.rows, t.totals, t.notes, t.kinds);
    }

    /** Expands {@code limit.*}, {@code usage.*} and {@code utilisation.*} to every component in the data. */
    List<String> expand(List<String> measures) {
        List<String> out = new ArrayList<>();
        for (String m : measures) {
            if (m.endsWith(".*")) {
                String kind = m.substring(0, m.length() - 2);
                dataset.components().forEach(c -> out.add(kind + "." + c));
            } else {
                out.add(m);
            }
        }
        return out;
    }

    private ResultTable run(QuerySpec q, List<String> dims, List<String> measures, Period period, int top,
            boolean subtotals, boolean total, String sort) {
        Query query = Query.builder(period).dimensions(String.join(",", dims)).measures(String.join(",", measures))
                .filter(q.filter()).sort(sort == null ? "" : sort).top(top).subtotals(subtotals).grandTotal(total).build();
        return QueryEngine.run(dataset, query);
    }

    private EditableTable pivot(QuerySpec q, String pivot, Period period) {
        List<String> rowDims = q.dimensions().stream().filter(d -> !d.equals(pivot)).toList();
        List<String> dims = new ArrayList<>(rowDims);
        dims.add(pivot);
        List<String> measures = expand(q.measures());
        ResultTable longTable = run(q, dims, measures, period, 0, false, false, "");
        ResultTable perValue = run(q, List.of(pivot), measures, period, 0, false, false, "");
        int nd = rowDims.size();
        List<String> values = perValue.rows().stream().map(r -> String.valueOf(r.get(0))).toList();
        Map<String, Integer> valueIndex = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            valueIndex.put(values.get(i), i);
        }
        List<Column> columns = new ArrayList<>(longTable.columns().subList(0, nd));
        for (int m = 0; m < measures.size(); m++) {
            Column mc = longTable.columns().get(nd + 1 + m);
            for (String v : values) {
                columns.add(new Column(mc.key() + "@" + v, mc.title() + " (" + v + ")", mc.type(), mc.additive()));
            }
        }
        Map<List<Object>, List<Object>> rows = new LinkedHashMap<>();
        for (List<Object> r : longTable.rows()) {
            List<Object> key = r.subList(0, nd);
            List<Object> row = rows.computeIfAbsent(key, k -> {
                List<Object> fresh = new ArrayList<>(k);
                // no row for a value is no data (an empty cell, a gap in a line), not zero
                for (int c = nd; c < columns.size(); c++) {
                    fresh.add(null);
                }
                return fresh;
            });
            int vi = valueIndex.get(String.valueOf(r.get(nd)));
            for (int m = 0; m < measures.size(); m++) {
                row.set(nd + m * values.size() + vi, r.get(nd + 1 + m));
            }
        }
        addRowTotals(q, rowDims, measures, period, columns, rows, values.size());
        List<Object> totals = null;
        if (q.total()) {
            totals = new ArrayList<>();
            totals.add("Total");
            while (totals.size() < nd) {
                totals.add("");
            }
            ResultTable all = run(q, List.of(), measures, period, 0, false, false, "");
            for (int m = 0; m < measures.size(); m++) {
                for (List<Object> r : perValue.rows()) {
                    totals.add(r.get(1 + m));
                }
                totals.add(all.rows().get(0).get(m));
            }
        }
        List<String> notes = new ArrayList<>(longTable.notes());
        String by = Dimension.byKey(pivot).map(Dimension::title).orElse(pivot);
        notes.add("Columns are split by " + by + "; the totals row is computed per " + by + " value by the core.");
        return new EditableTable(columns, new ArrayList<>(rows.values()), totals, notes,
                new ArrayList<>(java.util.Collections.nCopies(rows.size(), RowKind.DETAIL)));
    }

    /**
     * After each measure's pivoted columns, a {@code total.<measure>} column: the row's figure over all
     * pivot values (a month's total over the country shares), from the core, not added up here.
     */
    private void addRowTotals(QuerySpec q, List<String> rowDims, List<String> measures, Period period, List<Column> columns,
            Map<List<Object>, List<Object>> rows, int valueCount) {
        int nd = rowDims.size();
        ResultTable perRow = run(q, rowDims, measures, period, 0, false, false, "");
        Map<List<Object>, List<Object>> byLabels = new HashMap<>();
        perRow.rows().forEach(r -> byLabels.put(r.subList(0, nd), r.subList(nd, r.size())));
        for (int m = measures.size() - 1; m >= 0; m--) {
            int at = nd + (m + 1) * valueCount;
            Column mc = perRow.columns().get(nd + m);
            columns.add(at, new Column("total." + mc.key(), mc.title() + " (total)", mc.type(), mc.additive()));
            for (Map.Entry<List<Object>, List<Object>> e : rows.entrySet()) {
                List<Object> figures = byLabels.get(e.getKey());
                e.getValue().add(at, figures == null ? null : figures.get(m));
            }
        }
    }

    private static Object zero(ColumnType type) {
        return switch (type) {
            case COUNT -> 0L;
            case MONEY, KHOURS -> BigDecimal.ZERO;
            default -> null;
        };
    }

    /** After every limit and usage column, its share of the total; then entitlements per component when known. */
    private void addShares(EditableTable t) {
        int countryCol = t.index("country");
        for (int c = t.columns.size() - 1; c >= 0; c--) {
            Column col = t.columns.get(c);
            if (col.type() != ColumnType.KHOURS || !(col.key().startsWith("limit.") || col.key().startsWith("usage."))) {
                continue;
            }
            BigDecimal total = t.totals == null ? null : (BigDecimal) t.totals.get(c);
            int src = c;
            t.insert(c + 1, new Column(col.key() + ".share", col.title() + " share", ColumnType.PERCENT, false),
                    (row, kind) -> share((BigDecimal) row.get(src), total), total == null ? null : share(total, total));
        }
        if (entitlements.isEmpty() || countryCol < 0) {
            return;
        }
        for (String component : dataset.components()) {
            if (t.index("limit." + component) < 0) {
                continue;
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (List<Object> row : t.rows) {
                BigDecimal e = entitlements.of(String.valueOf(row.get(countryCol)), component);
                sum = e == null ? sum : sum.add(e);
            }
            int at = t.index("limit." + component + ".share") + 1;
            t.insert(at, new Column("entitlement." + component, "Entitlement " + component, ColumnType.PERCENT, false),
                    (row, kind) -> entitlements.of(String.valueOf(row.get(countryCol)), component), sum);
        }
    }

    private static BigDecimal share(BigDecimal value, BigDecimal total) {
        if (value == null || total == null || total.signum() == 0) {
            return null;
        }
        return value.divide(total, java.math.MathContext.DECIMAL64);
    }

    private void addComparison(EditableTable t, QuerySpec q, CompareSpec c, Period report) {
        Period period = c.period().resolve(report);
        ResultTable other = run(q, q.dimensions(), List.of(c.measure()), period, 0, q.subtotals(), true, "");
        int nd = q.dimensions().size();
        Map<List<Object>, Object> byLabels = new HashMap<>();
        for (List<Object> r : other.rows()) {
            byLabels.put(r.subList(0, nd), r.get(nd));
        }
        Column measureCol = other.columns().get(nd);
        int mainCol = t.index(c.measure());
        boolean additive = measureCol.additive() && q.top() == 0;
        Object otherTotal = other.totals() == null ? (nd == 0 ? other.rows().get(0).get(0) : null) : other.totals().get(nd);
        Column col = new Column(c.key(), c.title(), measureCol.type(), additive);
        java.util.function.Function<List<Object>, Object> value = row -> {
            Object v = byLabels.get(row.subList(0, nd));
            if (v == null && measureCol.type().summable()) {
                v = zero(measureCol.type());
            }
            return c.change() ? difference(mainCol < 0 ? null : row.get(mainCol), v) : v;
        };
        List<Object> mainTotals = t.totals;
        Object totalValue = c.change() ? difference(mainTotals == null || mainCol < 0 ? null : mainTotals.get(mainCol), otherTotal)
                : otherTotal;
        t.insert(t.columns.size(), col, (row, kind) -> kind == RowKind.OTHER ? null : value.apply(row), totalValue);
        t.notes.add(c.title() + ": " + c.measure() + (c.change() ? " minus its value" : "") + " over " + period.label()
                + " (" + period.from() + " to " + period.to() + ").");
    }

    private static Object difference(Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        if (a instanceof Long x && b instanceof Long y) {
            return x - y;
        }
        return new BigDecimal(a.toString()).subtract(new BigDecimal(b.toString()));
    }
}
