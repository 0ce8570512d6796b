package dev.tally.core.fact;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/** The usage of one component of one allocation in one billing month: the latest report for that month. */
public record UsageFact(String resourceId, String component, YearMonth month, BigDecimal usage) {
    public UsageFact {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(usage, "usage");
    }
}
