package dev.tally.core.fact;

import dev.tally.core.check.Checks;
import dev.tally.core.cost.PriceList;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A done Update order: from {@code at} (its {@code completed_at}) the allocation has {@code limits}
 * on plan {@code prices}. The new limits apply from the start of that day (UTC).
 */
public record LimitChange(Instant at, PriceList prices, Map<String, BigDecimal> limits) {
    public LimitChange {
        Checks.nonNull("at, prices", at, prices);
        limits = Map.copyOf(limits);
    }
}
