package dev.tally.core.query;

import java.math.BigDecimal;
import java.util.BitSet;

/** The finished figures of one group: exact {@code BigDecimal} sums, counts, and the distinct projects seen. */
final class Accumulator {
    BigDecimal cost = BigDecimal.ZERO;
    BigDecimal orderCost = BigDecimal.ZERO;
    final BigDecimal[] limits;
    final BigDecimal[] usages;
    long allocations;
    long orders;
    BitSet projects;

    /** An empty group. */
    Accumulator(int components, boolean trackProjects) {
        limits = new BigDecimal[components];
        usages = new BigDecimal[components];
        projects = trackProjects ? new BitSet() : null;
    }
}
