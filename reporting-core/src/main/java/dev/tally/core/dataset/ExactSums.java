package dev.tally.core.dataset;

import dev.tally.core.cost.Accrual;
import dev.tally.core.cost.RowFigures;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Exact running sums of cost, day-weighted limits and usage for many groups, each group a slot
 * {@code 0, 1, 2, …}. Built for a query over a million allocation months, where most rows are whole
 * months under one plain plan ({@link Accrual#wholeMonthSegment}): such a row's cost and limits are
 * fixed decimals of the dataset, which this class adds as {@code long}s at a common scale, so the hot
 * loop does no {@code BigDecimal} arithmetic; the dataset's usage records are added the same way.
 * Other rows ({@link RowFigures} from {@link Accrual#month}) are added as {@code BigDecimal}s.
 *
 * <p>The results are the values <em>and scales</em> that adding every row's {@code BigDecimal} would
 * give: addition is exact in both forms, and each slot remembers the largest scale it saw. A
 * {@code long} sum about to overflow is moved into the {@code BigDecimal} sum first.
 * Not thread-safe.
 */
public final class ExactSums {
    private final LimitSegments segments;
    private final WholeMonthCosts monthCosts;
    private final UsageColumns usages;
    /** Position of each component among the summed ones, or -1 when its limits and usage are not wanted. */
    private final int[] position;
    private final int[] summed;
    private final int width;

    private int capacity;
    private long[] cost = new long[0];
    private byte[] costScale = new byte[0];
    private BigDecimal[] bigCost = new BigDecimal[0];
    private long[] limit = new long[0];
    private byte[] limitScale = new byte[0];
    private BigDecimal[] bigLimit = new BigDecimal[0];
    private BigDecimal[] usage = new BigDecimal[0];
    private long[] usageLong = new long[0];
    private byte[] usageLongScale = new byte[0];

    /** Sums for {@code dataset}, keeping limits and usage of the component indexes {@code components} only. */
    public ExactSums(Dataset dataset, int[] components) {
        this.segments = dataset.segments;
        this.monthCosts = dataset.monthCosts;
        this.usages = dataset.usages;
        this.position = new int[dataset.componentNames.length];
        Arrays.fill(position, -1);
        this.summed = components.clone();
        for (int p = 0; p < summed.length; p++) {
            position[summed[p]] = p;
        }
        this.width = summed.length;
        grow(16);
    }

    /** Makes room for slots {@code 0 … slots-1}. */
    public void ensure(int slots) {
        if (slots > capacity) {
            grow(Math.max(slots, capacity * 2));
        }
    }

    private void grow(int slots) {
        int old = capacity;
        cost = Arrays.copyOf(cost, slots);
        costScale = Arrays.copyOf(costScale, slots);
        Arrays.fill(costScale, old, slots, ScaledLongs.NO_FIT);
        bigCost = Arrays.copyOf(bigCost, slots);
        Arrays.fill(bigCost, old, slots, BigDecimal.ZERO);
        limit = Arrays.copyOf(limit, slots * width);
        limitScale = Arrays.copyOf(limitScale, slots * width);
        Arrays.fill(limitScale, old * width, slots * width, ScaledLongs.NO_FIT);
        bigLimit = Arrays.copyOf(bigLimit, slots * width);
        usage = Arrays.copyOf(usage, slots * width);
        usageLong = Arrays.copyOf(usageLong, slots * width);
        usageLongScale = Arrays.copyOf(usageLongScale, slots * width);
        Arrays.fill(usageLongScale, old * width, slots * width, ScaledLongs.NO_FIT);
        capacity = slots;
    }

    /** Adds a whole month under segment {@code seg} (from {@link Accrual#wholeMonthSegment}) to {@code slot}. */
    public void addWholeMonth(int slot, int seg) {
        long c = monthCosts.cost[seg];
        if (ScaledLongs.addOverflows(cost[slot], c)) {
            spillCost(slot);
        }
        cost[slot] += c;
        if (monthCosts.scale[seg] > costScale[slot]) {
            costScale[slot] = monthCosts.scale[seg];
        }
        for (int l = segments.limStart[seg], end = segments.limStart[seg + 1]; l < end; l++) {
            int p = position[segments.limComp[l]];
            if (p < 0) {
                continue;
            }
            int at = slot * width + p;
            long v = segments.limScaled[l];
            if (ScaledLongs.addOverflows(limit[at], v)) {
                spillLimit(at, segments.limComp[l]);
            }
            limit[at] += v;
            if (segments.limScale[l] > limitScale[at]) {
                limitScale[at] = segments.limScale[l];
            }
        }
    }

    /** Adds a row computed by {@link Accrual#month}: its cost, limits and usage. */
    public void addRow(int slot, RowFigures f) {
        bigCost[slot] = bigCost[slot].add(f.cost());
        for (int p = 0; p < width; p++) {
            int c = summed[p];
            BigDecimal l = f.limit(c);
            if (l != null) {
                int at = slot * width + p;
                bigLimit[at] = bigLimit[at] == null ? l : bigLimit[at].add(l);
            }
            BigDecimal u = f.usage(c);
            if (u != null) {
                addUsage(slot, c, u);
            }
        }
    }

    /** Adds a month's usage of component {@code c}; ignored when {@code c} is not summed. */
    public void addUsage(int slot, int c, BigDecimal value) {
        int p = position[c];
        if (p >= 0) {
            int at = slot * width + p;
            usage[at] = usage[at] == null ? value : usage[at].add(value);
        }
    }

    /** Adds the dataset's usage record {@code k} (see {@link Dataset#usageValue}); ignored when its component is not summed. */
    public void addUsageRecord(int slot, int k) {
        int c = usages.comp[k];
        int p = position[c];
        if (p < 0) {
            return;
        }
        int at = slot * width + p;
        byte s = usages.scale[k];
        if (s == ScaledLongs.NO_FIT) {
            BigDecimal value = usages.big.get(k);
            usage[at] = usage[at] == null ? value : usage[at].add(value);
            return;
        }
        long v = usages.scaled[k];
        if (ScaledLongs.addOverflows(usageLong[at], v)) {
            spillUsage(at, c);
        }
        usageLong[at] += v;
        if (s > usageLongScale[at]) {
            usageLongScale[at] = s;
        }
    }

    /** The slot's cost; zero when nothing was added. */
    public BigDecimal cost(int slot) {
        if (costScale[slot] == ScaledLongs.NO_FIT) {
            return bigCost[slot];
        }
        return bigCost[slot].add(ScaledLongs.decimal(cost[slot], monthCosts.commonScale, costScale[slot]));
    }

    /** The slot's day-weighted limit of component {@code c}; null when no row had one. */
    public BigDecimal limit(int slot, int c) {
        int p = position[c];
        if (p < 0) {
            return null;
        }
        int at = slot * width + p;
        if (limitScale[at] == ScaledLongs.NO_FIT) {
            return bigLimit[at];
        }
        BigDecimal exact = ScaledLongs.decimal(limit[at], segments.limCommonScale[c], limitScale[at]);
        return bigLimit[at] == null ? exact : bigLimit[at].add(exact);
    }

    /** The slot's usage of component {@code c}; null when none was added. */
    public BigDecimal usage(int slot, int c) {
        int p = position[c];
        if (p < 0) {
            return null;
        }
        int at = slot * width + p;
        if (usageLongScale[at] == ScaledLongs.NO_FIT) {
            return usage[at];
        }
        BigDecimal exact = ScaledLongs.decimal(usageLong[at], usages.commonScale[c], usageLongScale[at]);
        return usage[at] == null ? exact : usage[at].add(exact);
    }

    private void spillUsage(int at, int c) {
        BigDecimal part = ScaledLongs.decimal(usageLong[at], usages.commonScale[c], usageLongScale[at]);
        usage[at] = usage[at] == null ? part : usage[at].add(part);
        usageLong[at] = 0;
    }

    private void spillCost(int slot) {
        bigCost[slot] = bigCost[slot].add(ScaledLongs.decimal(cost[slot], monthCosts.commonScale, costScale[slot]));
        cost[slot] = 0;
    }

    private void spillLimit(int at, int c) {
        BigDecimal part = ScaledLongs.decimal(limit[at], segments.limCommonScale[c], limitScale[at]);
        bigLimit[at] = bigLimit[at] == null ? part : bigLimit[at].add(part);
        limit[at] = 0;
    }
}
