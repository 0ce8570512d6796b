package dev.tally.core.dataset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Codes for the distinct values of one attribute, so a million allocations store an {@code int}
 * each instead of a string. A key identifies a value (a UUID, or a name when no UUID is known);
 * the label is what reports show.
 */
public final class Dictionary {
    private final Map<String, Integer> codes = new HashMap<>();
    private final List<String> labels = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();

    static final String ID_PREFIX = "id:";

    Dictionary() {
    }

    int code(String key, String label) {
        Integer code = codes.get(key);
        if (code == null) {
            code = labels.size();
            codes.put(key, code);
            labels.add(label);
            keys.add(key);
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
        String key = keys.get(code);
        return key.startsWith(ID_PREFIX) ? key.substring(ID_PREFIX.length()) : null;
    }

    /** The label of a code. */
    public String label(int code) {
        return labels.get(code);
    }
}
