package dev.tally.core.reconcile;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A country share's totals over every compared row (not only the differing ones) of one component.
 *
 * @param differing how many of its rows differ by more than the threshold
 */
public record ShareTotal(String share, String component, BigDecimal tally, BigDecimal other, int differing) {
    public ShareTotal {
        Objects.requireNonNull(share, "share");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(tally, "tally");
        Objects.requireNonNull(other, "other");
    }

    /** {@code other − tally}. */
    public BigDecimal difference() {
        return other.subtract(tally);
    }
}
