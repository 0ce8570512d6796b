package dev.tally.core.dataset;

import dev.tally.core.cost.PlanPrices;
import java.math.BigDecimal;

/**
 * Per limit segment: the cost of a whole month under it ({@link PlanPrices#wholeMonth}), as a
 * {@code long} at one common scale with the value's own scale, so a query adds most allocation months
 * without {@code BigDecimal} arithmetic. A segment whose whole month is not one simple sum (plan not
 * plain, charged per day or hour, a value too long) has no such cost. Immutable.
 */
public final class WholeMonthCosts {
    /** The scale at which {@link #cost} holds every segment's cost. */
    final int commonScale;
    /** Per segment: the cost of a whole month under it, as a {@code long} at {@link #commonScale}. */
    final long[] cost;
    /** Per segment: the scale of that cost, or {@link ScaledLongs#NO_FIT} when it has none. */
    final byte[] scale;

    WholeMonthCosts(LimitSegments s, PlanPrices prices) {
        int n = s.count();
        this.cost = new long[n];
        this.scale = new byte[n];
        BigDecimal[] costs = new BigDecimal[n];
        int common = 0;
        for (int k = 0; k < n; k++) {
            BigDecimal c = wholeMonth(s, prices, k);
            scale[k] = c == null ? ScaledLongs.NO_FIT : ScaledLongs.scaleOf(c);
            if (scale[k] != ScaledLongs.NO_FIT) {
                costs[k] = c;
                common = Math.max(common, scale[k]);
            }
        }
        for (int k = 0; k < n; k++) {
            if (costs[k] != null) {
                cost[k] = ScaledLongs.at(costs[k], common);
                if (cost[k] == ScaledLongs.OVERFLOW) {
                    scale[k] = ScaledLongs.NO_FIT;
                }
            }
        }
        this.commonScale = common;
    }

    /** The cost of a whole month under segment {@code k}, or null when it depends on more than the segment. */
    private static BigDecimal wholeMonth(LimitSegments s, PlanPrices prices, int k) {
        for (int l = s.limitStart(k); l < s.limitEnd(k); l++) {
            if (!s.fitsLong(l)) {
                return null;
            }
        }
        return prices.wholeMonth(s.plan(k), 0, false, s.limComp, s.limValue, s.limitStart(k), s.limitEnd(k));
    }

    /** Whether segment {@code k} has a precomputed whole-month cost. */
    public boolean has(int k) {
        return scale[k] != ScaledLongs.NO_FIT;
    }

    /** The precomputed whole-month cost of segment {@code k}, with its own scale; only when {@link #has}. */
    public BigDecimal of(int k) {
        return ScaledLongs.decimal(cost[k], commonScale, scale[k]);
    }
}
