package dev.tally.core.table;

/**
 * What a column holds, so renderers pick the format: money with 2 decimals, k-hours with up to 3,
 * percentages, counts, text and dates. Values are {@code String}, {@code Long}, {@code BigDecimal} or {@code LocalDate}.
 */
public enum ColumnType {
    TEXT, COUNT, KHOURS, MONEY, PERCENT, DATE;

    /** Whether a totals row sums this column. */
    public boolean summable() {
        return this == COUNT || this == KHOURS || this == MONEY;
    }
}
