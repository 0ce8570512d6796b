package dev.tally.cli.report;

import dev.tally.core.reconcile.Difference;
import dev.tally.core.reconcile.Reconciliation;
import dev.tally.core.reconcile.ShareTotal;
import dev.tally.core.table.Column;
import dev.tally.core.table.ColumnType;
import dev.tally.core.table.ResultTable;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A {@link Reconciliation} as result tables: the differences, and the totals per country share. */
public final class ReconcileTables {
    private ReconcileTables() {
    }

    /**
     * @param tallyTitle what Tally's side is ("Waldur usage", "Computed cost")
     * @param otherTitle what the other side is ("Site usage", "Invoiced")
     * @param type the figures' type (k-hours or money)
     */
    public static ResultTable differences(Reconciliation r, String tallyTitle, String otherTitle, ColumnType type) {
        List<Column> cols = List.of(new Column("allocation", "Allocation or project", ColumnType.TEXT),
                new Column("country", "Country share", ColumnType.TEXT), new Column("month", "Month", ColumnType.TEXT),
                new Column("component", "Component", ColumnType.TEXT), new Column("tally", tallyTitle, type),
                new Column("other", otherTitle, type), new Column("difference", otherTitle + " minus " + tallyTitle, type));
        List<List<Object>> rows = new ArrayList<>();
        for (Difference d : r.differences()) {
            rows.add(List.of(d.label(), d.share(), d.month().toString(), d.component(), d.tally(), d.other(), d.difference()));
        }
        return new ResultTable("differences", "Differences above " + r.threshold().toPlainString(), cols, rows, null, notes(r));
    }

    public static ResultTable totals(Reconciliation r, String tallyTitle, String otherTitle, ColumnType type) {
        List<Column> cols = List.of(new Column("country", "Country share", ColumnType.TEXT),
                new Column("component", "Component", ColumnType.TEXT), new Column("tally", tallyTitle, type),
                new Column("other", otherTitle, type), new Column("difference", otherTitle + " minus " + tallyTitle, type),
                new Column("differing", "Rows differing", ColumnType.COUNT, false));
        List<List<Object>> rows = new ArrayList<>();
        for (ShareTotal t : r.totals()) {
            rows.add(List.of(t.share(), t.component(), t.tally(), t.other(), t.difference(), (long) t.differing()));
        }
        return new ResultTable("totals", "Totals per country share", cols, rows, null, notes(r));
    }

    private static List<String> notes(Reconciliation r) {
        String months = r.months().stream().map(YearMonth::toString).collect(Collectors.joining(", "));
        return List.of("Months compared: " + (months.isEmpty() ? "none" : months) + "; " + r.compared()
                + " allocation (or project), month and component rows; " + r.differences().size() + " differ by more than "
                + r.threshold().toPlainString() + ".",
                "A row missing on one side counts as zero there (docs/definitions.md, \"Reconciliation\").");
    }
}
