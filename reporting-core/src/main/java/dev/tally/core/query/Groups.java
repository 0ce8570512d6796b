package dev.tally.core.query;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.BitSet;

/**
 * The running counts of all groups of one aggregation pass, in flat arrays indexed by slot:
 * distinct allocations and projects, orders and their cost (cost, limits and usage are summed in
 * {@link dev.tally.core.dataset.ExactSums}). An allocation is counted once per slot because allocations are visited one after another: a slot
 * remembers the last allocation it counted.
 */
final class Groups {
    private final boolean trackProjects;
    private int slots;
    private long[] allocations = new long[0];
    private int[] lastAllocation = new int[0];
    private int[] lastRow = new int[0];
    private BitSet[] projects = new BitSet[0];
    private long[] orders = new long[0];
    private BigDecimal[] orderCost = new BigDecimal[0];

    Groups(boolean trackProjects) {
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

    /** Puts the counts of a slot into {@code a}. */
    void finish(int slot, Accumulator a) {
        a.orderCost = orderCost[slot];
        a.allocations = allocations[slot];
        a.orders = orders[slot];
        a.projects = trackProjects ? projects[slot] : null;
    }
}
