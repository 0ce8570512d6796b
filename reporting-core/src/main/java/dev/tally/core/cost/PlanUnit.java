package dev.tally.core.cost;

import java.util.Locale;

/**
 * The billing unit of a plan's {@code unit_price} and of its {@code fixed} components (CONTRACT §6, §8).
 * It does not enter {@code order.cost}; it only decides how the fixed part is prorated in a month.
 */
public enum PlanUnit {
    MONTH, QUARTER, HALF_MONTH, DAY, HOUR, QUANTITY;

    /** Parses Waldur's lower-case name; null or unknown text is {@code MONTH}, LUMI's unit. */
    public static PlanUnit parse(String text) {
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
