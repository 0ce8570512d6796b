package dev.tally.core.ledger;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * When an available balance runs out (docs/definitions.md, "Limits ledger"): from the day after the
 * last counted day, each day adds the monthly limit ÷ the days of its month and takes the burn rate;
 * the exhaustion date is the first day on which the balance reaches zero. Worked month by month, with
 * one division per month, so a ten-year horizon costs 120 steps.
 */
final class Projection {
    /** How far ahead a date is looked for; an allocation that lasts longer is "not before it ends". */
    static final int HORIZON_YEARS = 10;

    private Projection() {
    }

    /**
     * @param available what is left on {@code lastDay}
     * @param limit the monthly limit that keeps accruing
     * @param burn usage per day
     * @param endDate the last day the allocation runs, or null when none is scheduled
     */
    static Exhaustion of(BigDecimal available, BigDecimal limit, BigDecimal burn, LocalDate lastDay, LocalDate endDate) {
        if (available.signum() <= 0) {
            return Exhaustion.ALREADY_USED;
        }
        if (burn.signum() == 0) {
            return Exhaustion.NO_USAGE_SEEN;
        }
        LocalDate stop = lastDay.plusYears(HORIZON_YEARS);
        if (endDate != null && endDate.isBefore(stop)) {
            stop = endDate;
        }
        BigDecimal balance = available;
        LocalDate day = lastDay.plusDays(1);
        while (!day.isAfter(stop)) {
            YearMonth month = YearMonth.from(day);
            LocalDate chunkEnd = month.atEndOfMonth().isBefore(stop) ? month.atEndOfMonth() : stop;
            long n = chunkEnd.toEpochDay() - day.toEpochDay() + 1;
            BigDecimal dim = BigDecimal.valueOf(month.lengthOfMonth());
            // the balance after k days of this month is balance + k × (limit ÷ dim − burn); it reaches zero
            // at k = balance × dim ÷ (burn × dim − limit) when that denominator is positive
            BigDecimal falling = burn.multiply(dim).subtract(limit);
            if (falling.signum() > 0) {
                BigDecimal k = balance.multiply(dim).divide(falling, MathContext.DECIMAL128)
                        .setScale(0, RoundingMode.CEILING);
                if (k.compareTo(BigDecimal.valueOf(n)) <= 0) {
                    return Exhaustion.on(day.plusDays(Math.max(1, k.longValueExact()) - 1));
                }
            }
            BigDecimal days = BigDecimal.valueOf(n);
            balance = balance.add(limit.multiply(days).divide(dim, MathContext.DECIMAL128)).subtract(burn.multiply(days));
            day = chunkEnd.plusDays(1);
        }
        return Exhaustion.NOT_BEFORE_THE_END;
    }
}
