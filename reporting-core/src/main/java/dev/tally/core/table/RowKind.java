package dev.tally.core.table;

/** What a row of a {@link ResultTable} is, so renderers can style subtotals and the "Other" bucket. */
public enum RowKind {
    /** One group. */
    DETAIL,
    /** The subtotal of the groups above it that share its leading dimension values. */
    SUBTOTAL,
    /** Every group beyond the top N, together. */
    OTHER
}
