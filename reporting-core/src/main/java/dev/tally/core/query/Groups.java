package dev.tally.core.query;

import dev.tally.core.dataset.Dataset;
import dev.tally.core.dataset.ExactSums;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.BitSet;

/**
 * The running figures of all groups of one aggregation pass, in flat arrays indexed by slot:
 * distinct allocations and projects, orders, and (through {@link ExactSums}) cost, limits and usage.
 * An allocation is counted once per slot because allocations are visited one after another: a slot
 * remembers the last allocation it counted.
 */
final class Groups {
    final ExactSums sums;
    private final boolean trackProjects;
    private int slots;
    private long[] allocations = new long[0];
    private int[] lastAllocation = new int[0];
    private int[] lastRow = new int[0];
    private BitSet[] projects = new BitSet[0];
    private long[] orders = new long[0];
    private BigDecimal[] orderCost = new BigDecimal[0];

    Groups(Dataset d, int[] components, boolean trackProjects) {
        this.sums = new ExactSums(d, components);
        this.trackProjects = trackProjects;
    }

    /** Adds a slot and returns it. */
    int newSlot() {
        int slot = slots++;
        if (slot == allocations.length) {
            int cap = Math.max(16, slot * 2);
            allocations = Arrays.copyOf(allocations, cap);
            lastAllocation = Arrays.copyOf(lastAllocation, cap);
            Arrays.fill(lastAllocation, slot, cap, -1);
            lastRow = Arrays.copyOf(lastRow, cap);
            Arrays.fill(lastRow, slot, cap, -1);
            projects = Arrays.copyOf(projects, cap);
            orders = Arrays.copyOf(orders, cap);
            orderCost = Arrays.copyOf(orderCost, cap);
            sums.ensure(cap);
        }
        orderCost[slot] = BigDecimal.ZERO;
        if (trackProjects) {
            projects[slot] = new BitSet();
        }
        return slot;
    }

    /** Marks {@code slot} as reached by row {@code row}; false when it already was (a row counts once per group). */
    boolean firstForRow(int slot, int row) {
        if (lastRow[slot] == row) {
            return false;
        }
        lastRow[slot] = row;
        return true;
    }

    /** Counts allocation {@code i} of project {@code project} in {@code slot}, unless it already counts there. */
    void countAllocation(int slot, int i, int project) {
        if (lastAllocation[slot] != i) {
            lastAllocation[slot] = i;
            allocations[slot]++;
            if (trackProjects) {
                projects[slot].set(project);
            }
        }
    }

    void addOrder(int slot, BigDecimal cost) {
        orders[slot]++;
        if (cost != null) {
            orderCost[slot] = orderCost[slot].add(cost);
        }
    }

    /** The finished figures of a slot. */
    Accumulator result(int slot, int components) {
        Accumulator a = new Accumulator(components, false);
        a.cost = sums.cost(slot);
        a.orderCost = orderCost[slot];
        for (int c = 0; c < components; c++) {
            a.limits[c] = sums.limit(slot, c);
            a.usages[c] = sums.usage(slot, c);
        }
        a.allocations = allocations[slot];
        a.orders = orders[slot];
        a.projects = trackProjects ? projects[slot] : null;
        return a;
    }
}
