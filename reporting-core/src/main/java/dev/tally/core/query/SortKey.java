package dev.tally.core.query;

import java.util.Objects;

/** Sort by a dimension or measure key, ascending or descending. Parsed from {@code cost} or {@code -cost} (descending). */
public record SortKey(String key, boolean descending) {
    public SortKey {
        Objects.requireNonNull(key, "key");
    }

    /** {@code -key} sorts descending, {@code key} or {@code +key} ascending. */
    public static SortKey parse(String text) {
        String t = text.strip();
        if (t.startsWith("-")) {
            return new SortKey(t.substring(1).strip(), true);
        }
        return new SortKey(t.startsWith("+") ? t.substring(1).strip() : t, false);
    }
}
