package dev.tally.core.cost;

import java.util.Locale;

/**
 * Over which period a {@code limit} component's limit is granted and billed (CONTRACT §6, §8).
 * Missing or unknown values mean {@code MONTH}, the model default in Waldur.
 */
public enum LimitPeriod {
    /** Billed every month, prorated by days. */
    MONTH,
    /** Billed once per calendar quarter (Jan/Apr/Jul/Oct), prorated by days of the quarter. */
    QUARTERLY,
    /** Billed once per year, counted from the allocation's creation (the anniversary month). */
    ANNUAL,
    /** Billed once when the allocation is created; later limit changes bill the difference. */
    TOTAL;

    /** Parses Waldur's lower-case name; null or unknown text is {@code MONTH}. */
    public static LimitPeriod parse(String text) {
        if (text == null || text.isBlank()) {
            return MONTH;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return MONTH;
        }
    }
}
