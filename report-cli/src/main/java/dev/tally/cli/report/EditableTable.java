package dev.tally.cli.report;

import dev.tally.core.table.Column;
import dev.tally.core.table.ResultTable;
import dev.tally.core.table.RowKind;
import java.util.ArrayList;
import java.util.List;

/** A result table under construction: columns can be inserted with a value per row. */
final class EditableTable {
    final List<Column> columns;
    final List<List<Object>> rows;
    List<Object> totals;
    final List<String> notes;
    final List<RowKind> kinds;

    EditableTable(ResultTable t) {
        this(new ArrayList<>(t.columns()), copyRows(t.rows()), t.totals() == null ? null : new ArrayList<>(t.totals()),
                new ArrayList<>(t.notes()), new ArrayList<>(t.rowKinds()));
    }

    EditableTable(List<Column> columns, List<List<Object>> rows, List<Object> totals, List<String> notes, List<RowKind> kinds) {
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
