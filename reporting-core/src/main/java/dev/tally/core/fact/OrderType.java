package dev.tally.core.fact;

import java.util.Locale;

/** The type of a marketplace order (docs/waldur.md, Enumerations); {@code UNKNOWN} for a value the client does not know. */
public enum OrderType {
    CREATE, UPDATE, TERMINATE, RESTORE, UNKNOWN;

    /**
     * The value of a report label such as {@code Create} ({@link #label()}), as a query filter
     * names it; case-insensitive, null or unknown text is {@code UNKNOWN}. Waldur's own strings are
     * read by the client, not here.
     */
    public static OrderType ofLabel(String text) {
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
