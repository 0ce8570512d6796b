package dev.tally.core.ledger;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/** Granted and used to date at the end of {@code month} (or on the as-of date, for its month), for one component. */
public record MonthPoint(YearMonth month, String component, BigDecimal granted, BigDecimal used) {
    public MonthPoint {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(granted, "granted");
        Objects.requireNonNull(used, "used");
    }
}
