package dev.tally.emulator.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Moving the logical clock forward over month starts (docs/emulator.md, "Moving the clock"). Waldur's
 * {@code invoices.create_monthly_invoices} task runs on the 1st and first copies future plan prices into the prices
 * ({@code copy_future_price_to_current_price}); the emulator runs the same work at each month start the clock crosses.
 */
public final class MonthStart {
    private MonthStart() {
    }

    /** Moves the clock to {@code to}, running the month-start work at every 1st 00:00 UTC on the way; callers hold the write lock. */
    public static void advance(Store store, Instant to) {
        if (to.isBefore(store.now())) {
            throw new IllegalArgumentException("the clock only moves forward: " + to + " is before " + store.now());
        }
        LocalDate next = LocalDate.ofInstant(store.now(), ZoneOffset.UTC).withDayOfMonth(1).plusMonths(1);
        for (Instant start = next.atStartOfDay(ZoneOffset.UTC).toInstant(); !start.isAfter(to);
                next = next.plusMonths(1), start = next.atStartOfDay(ZoneOffset.UTC).toInstant()) {
            store.moveClock(start);
            run(store);
        }
        store.moveClock(to);
    }

    private static void run(Store store) {
        PlanPrices.copyFuturePrices(store);
    }
}
