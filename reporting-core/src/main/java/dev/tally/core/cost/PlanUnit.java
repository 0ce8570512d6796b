package dev.tally.core.cost;

/**
 * The billing unit of a plan's {@code unit_price} and of its {@code fixed} components (docs/waldur.md,
 * Enumerations). It does not enter {@code order.cost}; it only decides how the fixed part is prorated
 * in a month. A missing or unknown unit is {@code MONTH}, LUMI's unit.
 */
public enum PlanUnit {
    MONTH, QUARTER, HALF_MONTH, DAY, HOUR, QUANTITY
}
