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

    /**
     * Adds the figures of the same group from another part of the rows, whose allocations are not in
     * this part (so distinct allocations add up); returns this.
     */
    Accumulator add(Accumulator o) {
        cost = cost.add(o.cost);
        orderCost = orderCost.add(o.orderCost);
        for (int c = 0; c < limits.length; c++) {
            limits[c] = plus(limits[c], o.limits[c]);
            usages[c] = plus(usages[c], o.usages[c]);
        }
        allocations += o.allocations;
        orders += o.orders;
        if (projects != null) {
            projects.or(o.projects);
        }
        return this;
    }

    private static BigDecimal plus(BigDecimal sum, BigDecimal value) {
        return value == null ? sum : sum == null ? value : sum.add(value);
    }
}
