package dev.tally.core.history;

import dev.tally.core.check.Checks;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A change since the older snapshot that takes effect in a month still open when that snapshot was taken: a
 * limit changed or an allocation terminated from a day of that month on. It restates no closed figure
 * (docs/definitions.md, "Restatements"), and the report lists it beside the restatements so that a reader
 * who compares the two reports sees why an open month's figures moved.
 *
 * @param what {@code limit cpu_k_hours} or {@code state}
 * @param oldValue the value in the older snapshot ({@code active} for a termination)
 * @param newValue the value in the newer snapshot ({@code terminated on 2026-11-20})
 * @param effective the first day the new value holds (a termination: the day its order completed)
 */
public record OpenMonthChange(YearMonth month, String allocation, String project, String share, String what, String oldValue,
        String newValue, LocalDate effective) {
    public OpenMonthChange {
        Checks.nonNull("month, allocation, what, effective", month, allocation, what, effective);
    }
}
