package dev.tally.core.cost;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The figures of one allocation in one month of a query's period, filled by {@link Accrual}.
 * Mutable and reused from row to row, so a query over a million allocations allocates no per-row
 * object; read it before the next call.
 */
public final class RowFigures {
    BigDecimal cost = BigDecimal.ZERO;
    final BigDecimal[] limits;
    final BigDecimal[] usages;
    int plan = -1;

    /** Figures for a dataset with {@code components} component types. */
    public RowFigures(int components) {
        limits = new BigDecimal[components];
        usages = new BigDecimal[components];
    }

    void reset() {
        cost = BigDecimal.ZERO;
        Arrays.fill(limits, null);
        Arrays.fill(usages, null);
        plan = -1;
    }

    /** The cost in the row's days: limit and fixed parts prorated by day, plus one-off charges falling in them. Unrounded. */
    public BigDecimal cost() {
        return cost;
    }

    /** The day-weighted limit of component {@code c}: Σ limit × days / days in month; null when no limit was set. */
    public BigDecimal limit(int c) {
        return limits[c];
    }

    /** The reported usage of component {@code c} for the month; null when none was reported or the month's first day is outside the period. */
    public BigDecimal usage(int c) {
        return usages[c];
    }

    /** The plan in force on the row's last day (a plan code of the dataset, see {@link PlanPrices#plan}). */
    public int plan() {
        return plan;
    }
}
