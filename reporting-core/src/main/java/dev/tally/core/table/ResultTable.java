package dev.tally.core.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A result ready for rendering. Every row has one value per column ({@code null} for empty).
 * {@code totals} is the grand-total row or {@code null}; it equals the sum of the detail rows for
 * {@linkplain Column#additive() additive} columns, and is computed from the facts for the others (a
 * multi-valued dimension counts each allocation once; see {@code notes}). {@code rowKinds} says which
 * rows are subtotals or the "Other" bucket (all {@code DETAIL} when null).
 */
public record ResultTable(String name, String title, List<Column> columns, List<List<Object>> rows,
        List<Object> totals, List<String> notes, List<RowKind> rowKinds) {
    /** A table whose rows are all {@link RowKind#DETAIL}. */
    public ResultTable(String name, String title, List<Column> columns, List<List<Object>> rows, List<Object> totals,
            List<String> notes) {
        this(name, title, columns, rows, totals, notes, null);
    }

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
        rowKinds = rowKinds == null ? Collections.nCopies(rows.size(), RowKind.DETAIL) : List.copyOf(rowKinds);
        if (rowKinds.size() != rows.size()) {
            throw new IllegalArgumentException("table '" + name + "' has " + rows.size() + " rows but " + rowKinds.size()
                    + " row kinds");
        }
    }

    /** The rows of kind {@link RowKind#DETAIL} only. */
    public List<List<Object>> detailRows() {
        List<List<Object>> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rowKinds.get(i) == RowKind.DETAIL) {
                out.add(rows.get(i));
            }
        }
        return out;
    }

    /** The index of the column with this key; an {@code IllegalArgumentException} names the key when there is none. */
    public int columnIndex(String key) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column '" + key + "' in table '" + name + "'");
    }
}
