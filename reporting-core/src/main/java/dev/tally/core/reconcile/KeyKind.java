package dev.tally.core.reconcile;

/** What a site's accounting rows are keyed by. */
public enum KeyKind {
    /** The allocation (Waldur resource) UUID. */
    ALLOCATION,
    /** The project UUID: Waldur's side is the sum over the project's allocations. */
    PROJECT
}
