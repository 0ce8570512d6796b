package dev.tally.waldur.snapshot;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Receives the component usages of a snapshot one row at a time, as plain values: at scale there
 * are millions of them, so {@link Snapshot#forEachUsage} makes no object per row and, for the usual
 * integer usages, no {@code BigDecimal}. Each row names a resource, a component type and a month;
 * usages without one of them, or without an amount, are not passed on.
 */
public interface UsageSink {
    /** The epoch month of a date: {@code year * 12 + month - 1}. */
    static int epochMonth(LocalDate date) {
        return date.getYear() * 12 + date.getMonthValue() - 1;
    }

    /**
     * A usage of {@code unscaled × 10^-scale}. {@code usageUuid} is the record's own UUID (null when it has none), which
     * tells two records of one month apart from the same record read twice; {@code reportedAt} ({@code created},
     * else {@code date}; may be null) is when it was reported; {@code epochMonth} is the billing month
     * ({@link #epochMonth}).
     */
    void add(String usageUuid, String resourceUuid, String componentType, int epochMonth, long unscaled, int scale,
            Instant reportedAt);

    /** A usage too large or too precise for a {@code long}, or not an integer on the wire. */
    void add(String usageUuid, String resourceUuid, String componentType, int epochMonth, BigDecimal usage,
            Instant reportedAt);
}
