package dev.tally.core.ledger;

import dev.tally.core.check.Checks;
import java.math.BigDecimal;
import java.time.YearMonth;

/** Granted and used to date at the end of {@code month} (or on the as-of date, for its month), for one component. */
public record MonthPoint(YearMonth month, String component, BigDecimal granted, BigDecimal used) {
    public MonthPoint {
        Checks.nonNull("month, component, granted, used", month, component, granted, used);
    }
}
