package dev.tally.core.query;

import dev.tally.core.dataset.Dataset;
import dev.tally.core.dataset.ExactSums;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The groups of one {@link Scan} pass and the way to them: each distinct full key gets a number from a
 * {@link DetailIndex}, and the slots {@code mapper} gives that key are worked out once and
 * remembered, so a row costs a packed-key lookup, not a {@link GroupKey} per group.
 *
 * <p>Without a multi-valued dimension every row has exactly one full key, so cost, limits and
 * usage are summed once per row, per full key (a <em>leaf</em>), and each group's sums are the
 * exact sums of its leaves' at the end. With {@code used_ai_tech}, a row with several values
 * reaches a subtotal through several full keys but counts there once, so sums go to every
 * group directly. Distinct allocations and projects are always counted per group.
 */
final class GroupSlots {
    private final Dataset d;
    private final int aiPosition;
    final Groups groups;
    final ExactSums sums;
    final boolean leafSums;
    /** The current row's leaf, when {@link #leafSums}. */
    final int[] leaf = new int[1];
    private final DetailIndex index;
    private final List<int[]> targets = new ArrayList<>();
    private final Map<GroupKey, Integer> slotOf = new HashMap<>();
    private final List<GroupKey> keys = new ArrayList<>();
    private final Scan.Mapper mapper;
    private final Dimension[] dims;
    private final int[] full;
    /** The slots of the current row (read only, first {@code n} from {@link #slots}). */
    int[] rowSlots;
    private int[] buffer = new int[8];

    GroupSlots(QueryPlan plan, Scan.Mapper mapper) {
        this.d = plan.d;
        this.aiPosition = plan.aiPosition;
        this.groups = new Groups(plan.trackProjects);
        this.sums = new ExactSums(plan.d, plan.usedComponents);
        this.leafSums = plan.aiPosition < 0;
        this.index = plan.detailIndex();
        this.mapper = mapper;
        this.dims = plan.q.dimensions().toArray(new Dimension[0]);
        this.full = new int[dims.length];
    }

    /** Fills {@link #rowSlots} with the distinct slots of a row (one full key per {@code used_ai_tech} value when grouped by it); returns how many. */
    int slots(RowContext row, int rowId) {
        for (int p = 0; p < full.length; p++) {
            if (p != aiPosition) {
                full[p] = row.code(dims[p]);
            }
        }
        if (aiPosition >= 0) {
            return multiValuedSlots(row, rowId);
        }
        // a mapper's keys are distinct, so one full key needs no check for repeats
        leaf[0] = index.id(full);
        rowSlots = targets(leaf[0]);
        return rowSlots.length;
    }

    /** {@link #slots} for a query grouped by {@code used_ai_tech}: the slots of all its values, each once. */
    private int multiValuedSlots(RowContext row, int rowId) {
        int n = 0;
        for (int v : row.aiTech()) {
            full[aiPosition] = v;
            n = add(targets(index.id(full)), rowId, n);
        }
        rowSlots = buffer;
        return n;
    }

    private int add(int[] slots, int rowId, int n) {
        for (int slot : slots) {
            if (groups.firstForRow(slot, rowId)) {
                if (n == buffer.length) {
                    buffer = Arrays.copyOf(buffer, n * 2);
                }
                buffer[n++] = slot;
            }
        }
        return n;
    }

    /** The slots of detail key {@code id} (whose codes are in {@link #full}), worked out on its first row. */
    private int[] targets(int id) {
        return id < targets.size() ? targets.get(id) : newTargets();
    }

    private int[] newTargets() {
        List<GroupKey> mapped = new ArrayList<>();
        mapper.map(full.clone(), mapped);
        int[] slots = mapped.stream().distinct().mapToInt(key -> slotOf.computeIfAbsent(key, k -> {
            keys.add(k);
            return groups.newSlot();
        })).toArray();
        targets.add(slots);
        sums.ensure(leafSums ? targets.size() : keys.size());
        return slots;
    }

    Map<GroupKey, Accumulator> results() {
        int components = d.components().size();
        Accumulator[] results = new Accumulator[keys.size()];
        for (int slot = 0; slot < results.length; slot++) {
            results[slot] = new Accumulator(components, false);
            groups.finish(slot, results[slot]);
        }
        if (leafSums) {
            for (int id = 0; id < targets.size(); id++) {
                for (int slot : targets.get(id)) {
                    addSums(results[slot], id, components);
                }
            }
        } else {
            for (int slot = 0; slot < results.length; slot++) {
                addSums(results[slot], slot, components);
            }
        }
        Map<GroupKey, Accumulator> out = new HashMap<>();
        for (int slot = 0; slot < results.length; slot++) {
            out.put(keys.get(slot), results[slot]);
        }
        return out;
    }

    /** Adds the sums at {@code at} (a leaf or a slot) to a group's figures; exact, so the order of adding does not matter. */
    private void addSums(Accumulator a, int at, int components) {
        a.cost = a.cost.add(sums.cost(at));
        for (int c = 0; c < components; c++) {
            a.limits[c] = plus(a.limits[c], sums.limit(at, c));
            a.usages[c] = plus(a.usages[c], sums.usage(at, c));
        }
    }

    private static BigDecimal plus(BigDecimal sum, BigDecimal value) {
        return value == null ? sum : sum == null ? value : sum.add(value);
    }
}
