package dev.tally.core.table;

import dev.tally.core.check.Checks;


/**
 * A named, typed column; {@code key} is the machine name (CSV header, query measure), {@code title} the human one.
 *
 * @param additive whether the column's total equals the sum of its rows, so a renderer may write a
 *     sum formula; false for distinct counts (projects), ratios, and every measure grouped by a
 *     multi-valued dimension
 */
public record Column(String key, String title, ColumnType type, boolean additive) {
    public Column {
        Checks.nonNull("key, title, type", key, title, type);
        additive = additive && type.summable();
    }

    /** A column that is additive exactly when its type is summable. */
    public Column(String key, String title, ColumnType type) {
        this(key, title, type, type.summable());
    }

    /** A column of text, such as a name, a label or a sentence. */
    public static Column text(String key, String title) {
        return new Column(key, title, ColumnType.TEXT);
    }
}
