package dev.tally.core.reconcile;

import dev.tally.core.check.Checks;
import java.math.BigDecimal;
import java.time.YearMonth;

/** One invoice item as the core sees it: what was billed to a resource in a month. */
public record InvoiceLine(String resourceId, YearMonth month, BigDecimal amount) {
    public InvoiceLine {
        Checks.nonNull("resourceId, month, amount", resourceId, month, amount);
    }
}
