package dev.tally.cli.report;

import dev.tally.core.dataset.Dataset;
import dev.tally.core.query.Period;
import dev.tally.core.query.Query;
import dev.tally.core.query.QueryEngine;
import dev.tally.core.table.Column;
import dev.tally.core.table.ColumnType;
import dev.tally.core.table.ResultTable;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code Data} sheet of a workbook (docs/reports.md, "The Data sheet"): the underlying facts, one row per
 * allocation and month of the period, with typed columns (the month as a date, limits, usage and cost as numbers),
 * for pivot tables. The rows come from the core's query engine, so their sums are the report's totals.
 */
public final class DataSheet {
    /** The sheet's title. */
    public static final String TITLE = "Data";

    private static final String DIMENSIONS = "allocation,month,country,access_type,offering,project,customer,field_of_science,"
            + "is_industry,is_commercial,is_training";

    private DataSheet() {
    }

    /** The facts of {@code period} that {@code filter} keeps (blank: all). */
    public static ResultTable table(Dataset d, Period period, String filter) {
        List<String> measures = new ArrayList<>();
        for (String kind : List.of("limit", "usage")) {
            d.components().forEach(c -> measures.add(kind + "." + c));
        }
        measures.add("cost");
        Query q = Query.builder(period).dimensions(DIMENSIONS).measures(String.join(",", measures))
                .filter(filter == null ? "" : filter).grandTotal(false).build();
        ResultTable t = QueryEngine.run(d, q);
        int month = t.columnIndex("month");
        List<Column> columns = new ArrayList<>(t.columns());
        columns.set(month, new Column("month", "Month", ColumnType.DATE));
        List<List<Object>> rows = new ArrayList<>(t.rows().size());
        for (List<Object> r : t.rows()) {
            List<Object> row = new ArrayList<>(r);
            row.set(month, YearMonth.parse(String.valueOf(r.get(month))).atDay(1));
            rows.add(row);
        }
        return new ResultTable("data", "Data: one row per allocation and month, " + period.label(), columns, rows, null,
                List.of("The facts behind the report, for pivot tables: one row per allocation and month it existed in;"
                        + " the month is its first day; definitions in docs/definitions.md."));
    }
}
