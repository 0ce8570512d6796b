package dev.tally.core.query;

import dev.tally.core.table.ColumnType;
import java.util.Objects;

/**
 * A figure a query computes per group. Component measures ({@code limit.cpu_k_hours},
 * {@code usage.gpu_k_hours}, {@code utilisation.gb_k_hours}) carry the component type.
 *
 * @param component the component type for {@code LIMIT}, {@code USAGE} and {@code UTILISATION}; null otherwise
 */
public record Measure(Kind kind, String component) {
    /** The kinds of measure. */
    public enum Kind {
        /** Distinct allocations that existed on at least one day of the group's period. */
        ALLOCATIONS("allocations", "Allocations", ColumnType.COUNT),
        /** Distinct projects of those allocations. */
        PROJECTS("projects", "Projects", ColumnType.COUNT),
        /** The allocations' cost (docs/definitions.md, "Cost"). */
        COST("cost", "Cost", ColumnType.MONEY),
        /** The cost Waldur stored on done orders, by completion day. */
        ORDER_COST("order_cost", "Order cost", ColumnType.MONEY),
        /** The day-weighted limit. */
        LIMIT("limit", "Limit", ColumnType.KHOURS),
        /** The reported usage. */
        USAGE("usage", "Usage", ColumnType.KHOURS),
        /** Usage divided by limit. */
        UTILISATION("utilisation", "Utilisation", ColumnType.PERCENT),
        /** Orders, by completion day (done orders) or creation day (others). */
        ORDERS("orders", "Orders", ColumnType.COUNT);

        private final String key;
        private final String title;
        private final ColumnType type;

        Kind(String key, String title, ColumnType type) {
            this.key = key;
            this.title = title;
            this.type = type;
        }

        boolean perComponent() {
            return this == LIMIT || this == USAGE || this == UTILISATION;
        }

        boolean onOrders() {
            return this == ORDERS || this == ORDER_COST;
        }
    }

    public Measure {
        Objects.requireNonNull(kind, "kind");
        if (kind.perComponent() != (component != null)) {
            throw new IllegalArgumentException("measure " + kind.key + (kind.perComponent() ? " needs" : " takes no") + " component");
        }
    }

    /** A measure without component. */
    public static Measure of(Kind kind) {
        return new Measure(kind, null);
    }

    /** Parses {@code cost}, {@code limit.cpu_k_hours}, …; {@code position} is where the name starts (for errors). */
    public static Measure parse(String text, int position) {
        String t = text.strip();
        int dot = t.indexOf('.');
        String head = dot < 0 ? t : t.substring(0, dot);
        for (Kind k : Kind.values()) {
            if (k.key.equals(head)) {
                if (k.perComponent()) {
                    if (dot < 0 || dot == t.length() - 1) {
                        throw new QueryException("measure '" + t + "' needs a component, like " + k.key + ".cpu_k_hours", position);
                    }
                    return new Measure(k, t.substring(dot + 1));
                }
                if (dot >= 0) {
                    throw new QueryException("measure '" + head + "' takes no component", position);
                }
                return of(k);
            }
        }
        throw new QueryException("unknown measure '" + t + "'", position);
    }

    /** The name used in queries and as column key. */
    public String key() {
        return component == null ? kind.key : kind.key + "." + component;
    }

    /** The column title. */
    public String title() {
        return component == null ? kind.title : kind.title + " " + component;
    }

    /** The column type. */
    public ColumnType type() {
        return kind.type;
    }

    /** Whether it is computed from orders rather than allocations. */
    public boolean onOrders() {
        return kind.onOrders();
    }
}
