package dev.tally.core.dataset;

import java.util.ArrayList;
import java.util.List;

/**
 * Codes for the distinct values of one attribute, so a million allocations store an {@code int}
 * each instead of a string. A key identifies a value (a UUID, or a name when no UUID is known);
 * the label is what reports show.
 */
public final class Dictionary {
    private final Codes<String> keys = new Codes<>();
    private final List<String> labels = new ArrayList<>();

    static final String ID_PREFIX = "id:";

    Dictionary() {
    }

    int code(String key, String label) {
        int code = keys.code(key);
        if (code == labels.size()) {
            labels.add(label);
        }
        return code;
    }

    int code(String keyAndLabel) {
        return code(keyAndLabel, keyAndLabel);
    }

    /** How many distinct values there are; codes run from 0 to {@code size() - 1}. */
    public int size() {
        return labels.size();
    }

    /** The UUID behind a code, or null when the value is known by name only. */
    public String id(int code) {
        String key = keys.value(code);
        return key.startsWith(ID_PREFIX) ? key.substring(ID_PREFIX.length()) : null;
    }

    /** The label of a code. */
    public String label(int code) {
        return labels.get(code);
    }
}
