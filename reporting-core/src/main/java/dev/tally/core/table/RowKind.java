package dev.tally.core.table;

/**
 * What a row of a {@link ResultTable} is, so renderers can style subtotals and the "Other" bucket
 * without reading cell labels. Instances are shared, so {@code ==} compares kinds; a subtotal's kind
 * also says how many leading dimensions the rows it sums have in common.
 */
public final class RowKind {
    /** Subtotal kinds by depth, made once so that equal kinds are the same object; a query has fewer dimensions. */
    private static final RowKind[] SUBTOTALS = new RowKind[64];

    static {
        for (int depth = 1; depth < SUBTOTALS.length; depth++) {
            SUBTOTALS[depth] = new RowKind("SUBTOTAL", depth);
        }
    }

    /** One group. */
    public static final RowKind DETAIL = new RowKind("DETAIL", 0);
    /** Every group beyond the top N, together. */
    public static final RowKind OTHER = new RowKind("OTHER", 0);
    /** The subtotal over the first dimension: the rows above it that share its first value. */
    public static final RowKind SUBTOTAL = subtotal(1);

    private final String name;
    private final int depth;

    private RowKind(String name, int depth) {
        this.name = name;
        this.depth = depth;
    }

    /** The kind of a subtotal of the rows that share their first {@code depth} dimension values (at least 1). */
    public static RowKind subtotal(int depth) {
        if (depth < 1 || depth >= SUBTOTALS.length) {
            throw new IllegalArgumentException("subtotal depth " + depth + " is outside 1 … " + (SUBTOTALS.length - 1));
        }
        return SUBTOTALS[depth];
    }

    /** Whether this is a subtotal row of any depth. */
    public boolean isSubtotal() {
        return depth > 0;
    }

    /** For a subtotal: how many leading dimensions the rows it sums share; 0 for other kinds. */
    public int depth() {
        return depth;
    }

    /** The kind's name as the enum it replaced spelled it: {@code DETAIL}, {@code SUBTOTAL} (any depth) or {@code OTHER}. */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
