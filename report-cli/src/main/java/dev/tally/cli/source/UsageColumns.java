package dev.tally.cli.source;

import dev.tally.core.input.UsageTable;
import dev.tally.waldur.snapshot.UsageSink;
import java.math.BigDecimal;
import java.time.Instant;

/** Fills the core's usage columns from the snapshot's usage reader; both count months as {@code year * 12 + month - 1}. */
final class UsageColumns implements UsageSink {
    private final UsageTable table;

    UsageColumns(UsageTable table) {
        this.table = table;
    }

    @Override
    public void add(String usageUuid, String resourceUuid, String componentType, int epochMonth, long unscaled, int scale,
            Instant reportedAt) {
        table.add(usageUuid, resourceUuid, componentType, epochMonth, unscaled, scale, reportedAt);
    }

    @Override
    public void add(String usageUuid, String resourceUuid, String componentType, int epochMonth, BigDecimal usage,
            Instant reportedAt) {
        table.add(usageUuid, resourceUuid, componentType, epochMonth, usage, reportedAt);
    }
}
