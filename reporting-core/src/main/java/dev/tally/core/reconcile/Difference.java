package dev.tally.core.reconcile;

import dev.tally.core.check.Checks;
import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One allocation (or project), month and component on which two sources disagree by more than the threshold.
 *
 * @param label {@code name (uuid)} when Tally knows the key, else the key as the other source wrote it
 * @param share the country share it counts in, {@code (unknown)} for a key Tally does not know
 * @param tally what Tally has (Waldur's usage, or Tally's computed cost)
 * @param other what the other source has (the site's usage, or the invoiced price)
 */
public record Difference(String key, String label, String share, YearMonth month, String component, BigDecimal tally,
        BigDecimal other) {
    public Difference {
        Checks.nonNull("key, label, share, month, component, tally, other",
                key, label, share, month, component, tally, other);
    }

    /** {@code other − tally}. */
    public BigDecimal difference() {
        return other.subtract(tally);
    }
}
