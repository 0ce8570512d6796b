package dev.tally.core.query;

/** A compiled filter, tested against one row. */
interface Predicate {
    boolean test(RowContext row);
}
