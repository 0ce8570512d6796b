package dev.tally.core.cost;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Waldur's cost estimate for one billing period (docs/definitions.md, "Cost"):
 * {@code unit_price + Σ over limit components of price × limit}. Exact {@code BigDecimal}
 * arithmetic; no rounding happens here (rounding is a presentation concern). {@link #limitCharges}
 * is the one place the sum {@code Σ price × limit} is written; the accrual and the dataset's
 * precomputed whole months use it too.
 */
public final class CostCalculator {
    private CostCalculator() {
    }

    /**
     * The estimate for {@code limits} on {@code prices}. Limits on components that are not billed by
     * limit (or not in the plan) add nothing, as in current Waldur. The seed's example: limits
     * cpu 3, gb 1, gpu 2 at prices 0.1, 0.001, 0.5 give exactly 1.301.
     */
    public static BigDecimal estimate(PriceList prices, Map<String, BigDecimal> limits) {
        int n = prices.components().size();
        BigDecimal[] price = new BigDecimal[n];
        int[] component = new int[n];
        BigDecimal[] limit = new BigDecimal[n];
        int m = 0;
        int c = 0;
        for (ComponentPrice p : prices.components().values()) {
            if (p.billingType() == BillingType.LIMIT) {
                price[c] = p.price();
                BigDecimal l = limits.get(p.type());
                if (l != null) {
                    component[m] = c;
                    limit[m++] = l;
                }
            }
            c++;
        }
        return limitCharges(prices.unitPrice(), price, component, limit, 0, m);
    }

    /**
     * What Waldur stores as {@code order.cost}: the estimate plus {@code init_price} (Σ {@code one}
     * components) for a Create order, or {@code switch_price} (Σ {@code few} components) for an Update
     * order (docs/definitions.md, "Cost": the charges are {@code price × amount}).
     *
     * @param create true for a Create order, false for an Update order
     */
    public static BigDecimal orderEstimate(PriceList prices, Map<String, BigDecimal> limits, boolean create) {
        return estimate(prices, limits).add(prices.sumOf(create ? BillingType.ONE : BillingType.FEW));
    }

    /**
     * {@code start + Σ limit[l] × price[component[l]]} over {@code l = from … to-1}, skipping components
     * without a price (null): the charge of a set of limits. Exact, so the result's value and scale do
     * not depend on the order of the limits.
     */
    static BigDecimal limitCharges(BigDecimal start, BigDecimal[] price, int[] component, BigDecimal[] limit,
            int from, int to) {
        BigDecimal total = start;
        for (int l = from; l < to; l++) {
            BigDecimal p = price[component[l]];
            if (p != null) {
                total = total.add(limit[l].multiply(p));
            }
        }
        return total;
    }
}
