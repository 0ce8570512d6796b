package dev.tally.core.fact;

import java.util.Locale;

/** The type of a marketplace order (CONTRACT §6). Unknown wire values map to {@code UNKNOWN}. */
public enum OrderType {
    CREATE, UPDATE, TERMINATE, RESTORE, UNKNOWN;

    /** Parses Waldur's display name ({@code "Create"}); null or unknown text is {@code UNKNOWN}. */
    public static OrderType parse(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /** The label used in reports, Waldur's display name: {@code Create}, {@code Update}, … */
    public String label() {
        String n = name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }
}
