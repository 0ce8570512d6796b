package dev.tally.waldur.snapshot;

import java.time.Duration;
import java.util.Objects;

/**
 * How far back an incremental harvest reaches (docs/harvest.md, "Incremental harvest"): orders, resources and
 * projects modified since the base snapshot's start minus {@code overlap}; component usages of the
 * {@code usageMonths} months before the base snapshot's month and every month since.
 */
public record IncrementalOptions(Duration overlap, int usageMonths) {
    public static final Duration DEFAULT_OVERLAP = Duration.ofDays(1);
    public static final int DEFAULT_USAGE_MONTHS = 1;
    public static final IncrementalOptions DEFAULTS = new IncrementalOptions(DEFAULT_OVERLAP, DEFAULT_USAGE_MONTHS);

    public IncrementalOptions {
        Objects.requireNonNull(overlap, "overlap");
        if (overlap.isNegative()) {
            throw new IllegalArgumentException("the overlap (" + overlap + ") must not be negative");
        }
        if (usageMonths < 0 || usageMonths > 1200) {
            throw new IllegalArgumentException("usage months (" + usageMonths + ") must be between 0 and 1200");
        }
    }
}
