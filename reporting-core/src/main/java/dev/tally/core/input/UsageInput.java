package dev.tally.core.input;

import dev.tally.core.check.Checks;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One component-usage record.
 *
 * @param uuid the record's own UUID, or null when unknown (docs/definitions.md, "Usage and utilisation")
 * @param billingPeriod the first day of the billing month
 * @param reportedAt when the record was created or last set (decides which of two reports for a month wins); may be null
 */
public record UsageInput(String uuid, String resourceId, String component, BigDecimal usage, LocalDate billingPeriod,
        Instant reportedAt) {
    public UsageInput {
        Checks.nonNull("resourceId, component, usage, billingPeriod", resourceId, component, usage, billingPeriod);
    }

    /** A record without a known UUID. */
    public UsageInput(String resourceId, String component, BigDecimal usage, LocalDate billingPeriod,
            Instant reportedAt) {
        this(null, resourceId, component, usage, billingPeriod, reportedAt);
    }
}
