package dev.tally.core.reconcile;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/** One invoice item as the core sees it: what was billed to a resource in a month. */
public record InvoiceLine(String resourceId, YearMonth month, BigDecimal amount) {
    public InvoiceLine {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(amount, "amount");
    }
}
