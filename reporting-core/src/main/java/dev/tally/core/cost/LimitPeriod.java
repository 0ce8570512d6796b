package dev.tally.core.cost;

/**
 * Over which period a {@code limit} component's limit is granted and billed (docs/waldur.md,
 * Enumerations and Order cost). A missing or unknown period is {@code MONTH}, Waldur's default.
 */
public enum LimitPeriod {
    /** Billed every month, prorated by days. */
    MONTH,
    /** Billed once per calendar quarter (Jan/Apr/Jul/Oct), prorated by days of the quarter. */
    QUARTERLY,
    /** Billed once per year, counted from the allocation's creation (the anniversary month). */
    ANNUAL,
    /** Billed once when the allocation is created; later limit changes bill the difference. */
    TOTAL
}
