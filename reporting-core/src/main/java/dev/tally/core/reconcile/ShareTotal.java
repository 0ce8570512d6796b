package dev.tally.core.reconcile;

import dev.tally.core.check.Checks;
import java.math.BigDecimal;

/**
 * A country share's totals over every compared row (not only the differing ones) of one component.
 *
 * @param differing how many of its rows differ by more than the threshold
 */
public record ShareTotal(String share, String component, BigDecimal tally, BigDecimal other, int differing) {
    public ShareTotal {
        Checks.nonNull("share, component, tally, other", share, component, tally, other);
    }

    /** {@code other − tally}. */
    public BigDecimal difference() {
        return other.subtract(tally);
    }
}
