package dev.tally.core.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A result ready for rendering. Every row has one value per column ({@code null} for empty).
 * {@code totals} is the grand-total row or {@code null}; it equals the sum of the rows for summable
 * columns except where {@code notes} say otherwise (a multi-valued dimension counts each allocation once).
 */
public record ResultTable(String name, String title, List<Column> columns, List<List<Object>> rows,
        List<Object> totals, List<String> notes) {
    public ResultTable {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " values but table '" + name + "' has "
                        + columns.size() + " columns");
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
        totals = totals == null ? null : Collections.unmodifiableList(new ArrayList<>(totals));
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public int columnIndex(String key) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column '" + key + "' in table '" + name + "'");
    }
}
