package dev.tally.cli.report;

import dev.tally.cli.template.ChartSpec;
import dev.tally.cli.template.CompareSpec;
import dev.tally.cli.template.QuerySpec;
import dev.tally.cli.template.ReportTemplate;
import dev.tally.cli.template.TemplateException;
import dev.tally.cli.template.SectionSpec;
import dev.tally.core.dataset.Dataset;
import dev.tally.core.query.Dimension;
import dev.tally.core.query.Period;
import dev.tally.core.query.Query;
import dev.tally.core.query.QueryEngine;
import dev.tally.core.query.QueryException;
import dev.tally.core.quality.Finding;
import dev.tally.core.table.Column;
import dev.tally.core.table.ColumnType;
import dev.tally.core.table.ResultTable;
import dev.tally.core.table.RowKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a template: each query section's query goes through the core engine, and the result is
 * shaped as the template asks (pivoted, with share, entitlement and comparison columns). Every
 * figure, total included, comes from the core; this class only moves values between columns.
 */
final class ReportRunner {
    private final Dataset dataset;
    private final List<Finding> findings;
    private final Entitlements entitlements;

    private final Map<String, java.time.LocalDate> endDates;
    private Instant dataAsOf;
    private dev.tally.core.ledger.Ledger ledger;

    public ReportRunner(Dataset dataset, List<Finding> findings, Entitlements entitlements) {
        this(dataset, findings, entitlements, Map.of());
    }

    /** With the resources' scheduled end dates, which ledger sections need ({@code cli.source.EndDates}). */
    public ReportRunner(Dataset dataset, List<Finding> findings, Entitlements entitlements,
            Map<String, java.time.LocalDate> endDates) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.findings = List.copyOf(findings);
        this.entitlements = Objects.requireNonNull(entitlements, "entitlements");
        this.endDates = Map.copyOf(endDates);
    }

    /**
     * Runs every section of {@code template} over {@code period}, on data as of {@code dataAsOf};
     * {@code notes} (about the period) go on the report's cover.
     */
    public Report run(ReportTemplate template, Period period, Map<String, String> provenance, Instant dataAsOf,
            List<String> notes) {
        this.dataAsOf = dataAsOf;
        List<SectionResult> out = new ArrayList<>();
        for (SectionSpec s : template.sections()) {
            try {
                out.add(section(s, period, provenance));
            } catch (QueryException e) {
                // a query only the data can refuse (a component the data lacks) is still the template's error
                throw new TemplateException(template.source() + ": section '" + s.name() + "': " + e.getMessage());
            }
        }
        // a component Tally has no words for is labelled with the offerings' measured unit (docs/reports.md)
        return new Report(template, period, out, provenance, dataAsOf, notes, dataset.componentUnits());
    }

    SectionResult section(SectionSpec s, Period report, Map<String, String> provenance) {
        ResultTable table = switch (s.kind()) {
            case FINDINGS -> findingsTable(s);
            case PROVENANCE -> provenanceTable(s, provenance);
            case LEDGER -> named(s, LedgerTables.balances(s.name(), ledger(), LedgerTables.Grouping.COUNTRY, entitlements));
            case LEDGER_TREND -> LedgerTables.points(s.name(), s.title() + ", as of " + ledger().lastDay(), ledger().total(),
                    ledger().components());
            case QUERY -> queryTable(s, report);
            case RESTATED -> throw new IllegalStateException("a restated section needs two snapshots (RestatedSection)");
        };
        String periodLabel = s.kind() == dev.tally.cli.template.SectionKind.QUERY ? s.query().period().resolve(report).label()
                : report.label();
        ResultTable lead = s.kind() == dev.tally.cli.template.SectionKind.FINDINGS ? FindingsTables.counts(s.name(), findings) : null;
        return new SectionResult(s, table, charts(s, table, periodLabel), lead);
    }

    /**
     * The limits ledger on the data's date, whatever the report's period (docs/definitions.md, "Limits ledger"),
     * computed once for all ledger sections.
     */
    private dev.tally.core.ledger.Ledger ledger() {
        if (ledger == null) {
            ledger = new dev.tally.core.ledger.LedgerBuilder(dataset, dataAsOf, endDates).build(i -> true);
        }
        return ledger;
    }

    private static ResultTable named(SectionSpec s, ResultTable t) {
        return new ResultTable(s.name(), s.title() + ", as of " + t.title().substring(t.title().lastIndexOf(' ') + 1),
                t.columns(), t.rows(), t.totals(), t.notes(), t.rowKinds());
    }

    private ResultTable queryTable(SectionSpec s, Period report) {
        QuerySpec q = s.query();
        Period period = q.period().resolve(report);
        Editable t;
        if (s.pivot() != null) {
            t = pivot(q, s.pivot(), period);
        } else {
            t = new Editable(run(q, q.dimensions(), expand(q.measures()), period, q.top(), q.subtotals(), q.total(), q.sort()));
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

    private Editable pivot(QuerySpec q, String pivot, Period period) {
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
        return new Editable(columns, new ArrayList<>(rows.values()), totals, notes,
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
    private void addShares(Editable t) {
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

    private void addComparison(Editable t, QuerySpec q, CompareSpec c, Period report) {
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

    private ResultTable findingsTable(SectionSpec s) {
        return FindingsTables.list(s.name(), s.title(), findings, dataset);
    }

    private static ResultTable provenanceTable(SectionSpec s, Map<String, String> provenance) {
        List<Column> columns = List.of(new Column("field", "Field", ColumnType.TEXT), new Column("value", "Value", ColumnType.TEXT));
        List<List<Object>> rows = new ArrayList<>();
        provenance.forEach((k, v) -> rows.add(List.of(k, v == null ? "" : v)));
        return new ResultTable(s.name(), s.title(), columns, rows, null, List.of());
    }

    /**
     * Resolves {@code measure@*} series to the pivoted columns and drops series whose column is absent;
     * each title names the period the chart covers ({@code periodLabel}).
     */
    static List<ChartSpec> charts(SectionSpec s, ResultTable table, String periodLabel) {
        List<ChartSpec> out = new ArrayList<>();
        for (ChartSpec c : s.charts()) {
            List<String> series = new ArrayList<>();
            for (String key : c.series()) {
                if (key.endsWith("@*")) {
                    String prefix = key.substring(0, key.length() - 1);
                    table.columns().stream().map(Column::key).filter(k -> k.startsWith(prefix)).forEach(series::add);
                } else if (table.columns().stream().anyMatch(col -> col.key().equals(key))) {
                    series.add(key);
                }
            }
            if (!series.isEmpty()) {
                out.add(new ChartSpec(c.name(), c.type(), c.title() + ", " + periodLabel, c.category(), series, c.axis()));
            }
        }
        return out;
    }

    /** A result table under construction: columns can be inserted with a value per row. */
    private static final class Editable {
        final List<Column> columns;
        final List<List<Object>> rows;
        List<Object> totals;
        final List<String> notes;
        final List<RowKind> kinds;

        Editable(ResultTable t) {
            this(new ArrayList<>(t.columns()), copyRows(t.rows()), t.totals() == null ? null : new ArrayList<>(t.totals()),
                    new ArrayList<>(t.notes()), new ArrayList<>(t.rowKinds()));
        }

        Editable(List<Column> columns, List<List<Object>> rows, List<Object> totals, List<String> notes, List<RowKind> kinds) {
            this.columns = columns;
            this.rows = rows;
            this.totals = totals;
            this.notes = notes;
            this.kinds = kinds;
        }

        private static List<List<Object>> copyRows(List<List<Object>> rows) {
            List<List<Object>> out = new ArrayList<>(rows.size());
            rows.forEach(r -> out.add(new ArrayList<>(r)));
            return out;
        }

        int index(String key) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).key().equals(key)) {
                    return i;
                }
            }
            return -1;
        }

        void insert(int at, Column column, java.util.function.BiFunction<List<Object>, RowKind, Object> value, Object total) {
            List<Object> computed = new ArrayList<>(rows.size());
            for (int r = 0; r < rows.size(); r++) {
                computed.add(value.apply(rows.get(r), kinds.get(r)));
            }
            for (int r = 0; r < rows.size(); r++) {
                rows.get(r).add(at, computed.get(r));
            }
            columns.add(at, column);
            if (totals != null) {
                totals.add(at, total);
            }
        }
    }
}
