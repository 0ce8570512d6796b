package dev.tally.core.cost;

import java.util.Locale;

/** How a component is billed (CONTRACT §6). Only {@code LIMIT} components enter the estimate. */
public enum BillingType {
    FIXED, USAGE, LIMIT, ONE, FEW, UNKNOWN;

    /** Parses Waldur's lower-case name; anything unknown (or null) is {@code UNKNOWN}, which costs nothing. */
    public static BillingType parse(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
