package dev.tally.core.query;

import dev.tally.core.table.ColumnType;
import java.util.Arrays;
import java.util.Objects;

/**
 * A figure a query computes per group. Component measures ({@code limit.cpu_k_hours},
 * {@code usage.gpu_k_hours}, {@code utilisation.gb_k_hours}) carry the component type. A derived
 * measure ({@code share.cost}, {@code change.cost}, {@code change_pct.cost}) is computed from its
 * base measure's figures ({@link DerivedMeasures}; docs/definitions.md, "Derived measures").
 *
 * @param component the component type for {@code LIMIT}, {@code USAGE} and {@code UTILISATION}; null otherwise
 * @param derived how the figure derives from the base measure; {@link Derived#NONE} for the base itself
 */
public record Measure(Kind kind, String component, Derived derived) {
    /** What a measure computes from its base measure's figures. */
    public enum Derived {
        /** The base measure itself. */
        NONE(""),
        /** The group's figure as a fraction of the total's. */
        SHARE("share."),
        /** The group's figure minus its figure in the previous period. */
        CHANGE("change."),
        /** That change as a fraction of the previous period's figure. */
        CHANGE_PCT("change_pct.");

        private final String prefix;

        Derived(String prefix) {
            this.prefix = prefix;
        }

        /** The prefix in a measure's name, {@code share.}; empty for {@link #NONE}. */
        public String prefix() {
            return prefix;
        }
    }

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
        derived = derived == null ? Derived.NONE : derived;
        if (kind.perComponent() != (component != null)) {
            throw new IllegalArgumentException("measure " + kind.key + (kind.perComponent() ? " needs" : " takes no") + " component");
        }
    }

    /** A base measure (not derived). */
    public Measure(Kind kind, String component) {
        this(kind, component, Derived.NONE);
    }

    /** A measure without component. */
    public static Measure of(Kind kind) {
        return new Measure(kind, null);
    }

    /**
     * Parses {@code cost}, {@code limit.cpu_k_hours}, {@code share.cost}, {@code change_pct.usage.gpu_k_hours}, …;
     * {@code position} is where the name starts (for errors).
     */
    public static Measure parse(String text, int position) {
        String t = text.strip();
        for (Derived d : Derived.values()) {
            if (d != Derived.NONE && t.startsWith(d.prefix)) {
                Measure base = parseBase(t.substring(d.prefix.length()), position);
                if (d == Derived.SHARE && base.kind == Kind.UTILISATION) {
                    throw new QueryException("measure '" + t + "': a share of utilisation means nothing; use share.usage."
                            + base.component + " or share.limit." + base.component, position);
                }
                return new Measure(base.kind, base.component, d);
            }
        }
        return parseBase(t, position);
    }

    private static Measure parseBase(String t, int position) {
        for (Derived d : Derived.values()) {
            if (d != Derived.NONE && t.startsWith(d.prefix)) {
                throw new QueryException("measure '" + t + "': a derived measure cannot be derived again", position);
            }
        }
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
        String meant = Typo.meant(head, Arrays.stream(Kind.values()).map(k -> k.key).toList())
                .map(k -> " (did you mean '" + k + (dot < 0 ? "" : t.substring(dot)) + "'?)").orElse("");
        throw new QueryException("unknown measure '" + t + "'" + meant, position, "measures are allocations, projects, cost,"
                + " order_cost, orders, limit.C, usage.C, utilisation.C, each also as share.M, change.M or change_pct.M");
    }

    /** Whether this measure derives from another ({@code share.}, {@code change.}, {@code change_pct.}). */
    public boolean isDerived() {
        return derived != Derived.NONE;
    }

    /** The measure this one derives from; itself when it is a base measure. */
    public Measure base() {
        return derived == Derived.NONE ? this : new Measure(kind, component);
    }

    /** The name used in queries and as column key. */
    public String key() {
        return derived.prefix + (component == null ? kind.key : kind.key + "." + component);
    }

    /** The column title. */
    public String title() {
        String base = component == null ? kind.title : kind.title + " " + component;
        return switch (derived) {
            case NONE -> base;
            case SHARE -> base + ", share of total";
            case CHANGE -> base + ", change from previous period";
            case CHANGE_PCT -> base + ", change from previous period (%)";
        };
    }

    /** The column type: a share and a relative change are percentages; a change has its base's type. */
    public ColumnType type() {
        return derived == Derived.SHARE || derived == Derived.CHANGE_PCT ? ColumnType.PERCENT : kind.type;
    }

    /** Whether it is computed from orders rather than allocations. */
    public boolean onOrders() {
        return kind.onOrders();
    }
}
