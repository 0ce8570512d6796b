package dev.tally.core.dataset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Codes 0, 1, 2, … for distinct values, in the order they first come, so a column stores an {@code int} per row
 * instead of the value. The one place a value gets its code: the dataset's dictionaries and components, and the
 * usage columns' resources. Not thread-safe.
 *
 * @param <K> the values' type; equal values get the same code
 */
public final class Codes<K> {
    private final Map<K, Integer> codes = new HashMap<>();
    private final List<K> values = new ArrayList<>();

    /** The value's code; the next free one ({@link #size()} before the call) when the value is new. */
    public int code(K value) {
        Integer c = codes.get(value);
        if (c == null) {
            c = values.size();
            codes.put(value, c);
            values.add(value);
        }
        return c;
    }

    /** The value of a code. */
    public K value(int code) {
        return values.get(code);
    }

    /** How many distinct values there are; codes run from 0 to {@code size() - 1}. */
    public int size() {
        return values.size();
    }

    /** Forgets every value, so that a table done with its codes lets them go. */
    public void clear() {
        codes.clear();
        values.clear();
    }

    /** The values in code order, as a read-only view that grows with the codes. */
    public List<K> values() {
        return Collections.unmodifiableList(values);
    }
}
