package dev.tally.core.cost;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Waldur's cost estimate for one billing period (CONTRACT §8):
 * {@code unit_price + Σ over limit components of price × limit}. Exact {@code BigDecimal}
 * arithmetic; no rounding happens here (rounding is a presentation concern).
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
        BigDecimal total = prices.unitPrice();
        for (ComponentPrice c : prices.components().values()) {
            if (c.billingType() == BillingType.LIMIT) {
                BigDecimal limit = limits.get(c.type());
                if (limit != null) {
                    total = total.add(c.price().multiply(limit));
                }
            }
        }
        return total;
    }

    /**
     * What Waldur stores as {@code order.cost}: the estimate plus {@code init_price} (Σ {@code one}
     * components) for a Create order, or {@code switch_price} (Σ {@code few} components) for an Update
     * order (CONTRACT §8, 2024 semantics with {@code price × amount}).
     *
     * @param create true for a Create order, false for an Update order
     */
    public static BigDecimal orderEstimate(PriceList prices, Map<String, BigDecimal> limits, boolean create) {
        return estimate(prices, limits).add(prices.sumOf(create ? BillingType.ONE : BillingType.FEW));
    }
}
