package dev.tally.core.table;

import java.util.Objects;

/** A named, typed column; {@code key} is the machine name (CSV header, query measure), {@code title} the human one. */
public record Column(String key, String title, ColumnType type) {
    public Column {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(type, "type");
    }
}
