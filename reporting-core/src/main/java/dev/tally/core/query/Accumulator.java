package dev.tally.core.query;

import dev.tally.core.dataset.RowFigures;
import java.math.BigDecimal;
import java.util.BitSet;

/** The running figures of one group: exact {@code BigDecimal} sums, counts, and the distinct projects seen. */
final class Accumulator {
    BigDecimal cost = BigDecimal.ZERO;
    BigDecimal orderCost = BigDecimal.ZERO;
    final BigDecimal[] limits;
    final BigDecimal[] usages;
    long allocations;
    long orders;
    final BitSet projects;

    Accumulator(int components, boolean trackProjects) {
        limits = new BigDecimal[components];
        usages = new BigDecimal[components];
        projects = trackProjects ? new BitSet() : null;
    }

    void addRow(RowFigures f, int[] components) {
        cost = cost.add(f.cost());
        for (int c : components) {
            BigDecimal l = f.limit(c);
            if (l != null) {
                limits[c] = limits[c] == null ? l : limits[c].add(l);
            }
            BigDecimal u = f.usage(c);
            if (u != null) {
                usages[c] = usages[c] == null ? u : usages[c].add(u);
            }
        }
    }

    void addAllocation(int project) {
        allocations++;
        if (projects != null) {
            projects.set(project);
        }
    }
}
