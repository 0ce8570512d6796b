package dev.tally.core.fact;

import dev.tally.core.check.Checks;
import java.math.BigDecimal;
import java.time.YearMonth;

/** The usage of one component of one allocation in one billing month: the latest report for that month. */
public record UsageFact(String resourceId, String component, YearMonth month, BigDecimal usage) {
    public UsageFact {
        Checks.nonNull("resourceId, component, month, usage", resourceId, component, month, usage);
    }
}
