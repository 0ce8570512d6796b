package dev.tally.core.history;

/** The kinds of change between two snapshots, in the order a diff lists them (docs/definitions.md). */
public enum ChangeKind {
    /** An allocation the newer snapshot has and the older one has not. */
    ALLOCATION_ADDED("allocation_added", "Allocations added"),
    /** An allocation that ended (its Terminate order completed) or is no longer listed. */
    ALLOCATION_TERMINATED("allocation_terminated", "Allocations terminated"),
    /** A component limit in force after the last change, old → new. */
    LIMIT_CHANGED("limit_changed", "Limits changed"),
    /** Usage of a month that was closed when the older snapshot was taken: reported late, corrected or withdrawn. */
    USAGE_CHANGED("usage_changed", "Usage reported late or corrected for closed months"),
    /** The cost Waldur stored on an order, old → new. */
    ORDER_COST_CHANGED("order_cost_changed", "Order costs changed"),
    /** A plan's unit price or component price, old → new. */
    PRICE_CHANGED("price_changed", "Prices changed"),
    /** A project's name, old → new. */
    PROJECT_RENAMED("project_renamed", "Projects renamed"),
    /** A project now under another customer (allocator), old → new. */
    PROJECT_MOVED("project_moved", "Projects moved");

    private final String key;
    private final String title;

    ChangeKind(String key, String title) {
        this.key = key;
        this.title = title;
    }

    /** The machine name, as in CSV and JSON: {@code limit_changed}. */
    public String key() {
        return key;
    }

    /** The heading for people: {@code Limits changed}. */
    public String title() {
        return title;
    }
}
