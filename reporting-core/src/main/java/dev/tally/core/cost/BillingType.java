package dev.tally.core.cost;

/**
 * How a component is billed (docs/waldur.md, Enumerations). Only {@code LIMIT} components enter the
 * estimate; {@code UNKNOWN} (a value the client does not know) costs nothing.
 */
public enum BillingType {
    FIXED, USAGE, LIMIT, ONE, FEW, UNKNOWN
}
