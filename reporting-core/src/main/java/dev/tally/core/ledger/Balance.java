package dev.tally.core.ledger;

import dev.tally.core.check.Checks;
import java.math.BigDecimal;

/**
 * One component of an allocation or a country share on the as-of date (docs/definitions.md,
 * "Limits ledger"). Rates are k-hours per day.
 *
 * @param limitNow the monthly limit in force on the last counted day (summed over running allocations for a share)
 * @param granted the allowance to date: the day-weighted monthly limits of every month so far
 * @param used the usage of every month so far
 * @param available what running allocations still have: their granted minus used (an ended allocation's rest has lapsed)
 * @param burn30 usage per day over the last 30 days
 * @param burn90 usage per day over the last 90 days
 * @param exhaustion30 when {@code available} runs out at {@code burn30}
 * @param exhaustion90 when it runs out at {@code burn90}
 */
public record Balance(String component, BigDecimal limitNow, BigDecimal granted, BigDecimal used, BigDecimal available,
        BigDecimal burn30, BigDecimal burn90, Exhaustion exhaustion30, Exhaustion exhaustion90) {
    public Balance {
        Checks.nonNull("component, limitNow, granted, used, available, burn30, burn90, exhaustion30, exhaustion90",
                component, limitNow, granted, used, available, burn30, burn90, exhaustion30, exhaustion90);
    }

    /** Granted to date minus used to date (negative when more was used than granted). */
    public BigDecimal remaining() {
        return granted.subtract(used);
    }
}
