package dev.tally.core.cost;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The price table of a dataset's plans, by plan code: each plan's monthly limit prices by component
 * index, its charge per plan unit (unit price plus {@code fixed} components) and whether it is
 * <em>plain</em>, that is fully described by monthly proration (docs/definitions.md, "Cost").
 */
public final class PlanPrices {
    private static final BigDecimal HOURS_PER_DAY = BigDecimal.valueOf(24);

    private final PriceList[] plans;
    private final boolean[] plain;
    private final BigDecimal[][] monthPrice;
    private final BigDecimal[] unitCharge;

    /** The table of {@code plans} (a plan's code is its position), with component types numbered by {@code componentIndex}. */
    public PlanPrices(List<PriceList> plans, Map<String, Integer> componentIndex) {
        this.plans = plans.toArray(new PriceList[0]);
        int n = this.plans.length;
        this.plain = new boolean[n];
        this.monthPrice = new BigDecimal[n][componentIndex.size()];
        this.unitCharge = new BigDecimal[n];
        for (int p = 0; p < n; p++) {
            plain[p] = isPlain(this.plans[p]);
            BigDecimal charge = this.plans[p].unitPrice();
            for (ComponentPrice c : this.plans[p].components().values()) {
                if (c.billingType() == BillingType.LIMIT && c.limitPeriod() == LimitPeriod.MONTH) {
                    monthPrice[p][componentIndex.get(c.type())] = c.price();
                }
                if (c.billingType() == BillingType.FIXED) {
                    charge = charge.add(c.fixedCharge());
                }
            }
            unitCharge[p] = charge;
        }
    }

    /** The prices of plan {@code p}. */
    public PriceList plan(int p) {
        return plans[p];
    }

    /** Whether plan {@code p} has no one-off charges and no quarterly, annual or total limits. */
    boolean plain(int p) {
        return plain[p];
    }

    /** Plan {@code p}'s monthly limit prices by component index (null: not billed by a monthly limit). Do not modify. */
    BigDecimal[] monthPrices(int p) {
        return monthPrice[p];
    }

    /** Plan {@code p}'s charge per plan unit: unit price plus the {@code fixed} components. */
    BigDecimal unitCharge(int p) {
        return unitCharge[p];
    }

    /**
     * The cost of a whole month of {@code days} days under plain plan {@code p} with the limits
     * {@code (component[l], limit[l])}, {@code l = from … to-1}: Σ price × limit plus the unit charge
     * (per day or hour for those units). Null when that is not the whole month's cost: the plan is
     * not plain, or its unit charge depends on the days and {@code daysKnown} is false.
     */
    public BigDecimal wholeMonth(int p, int days, boolean daysKnown, int[] component, BigDecimal[] limit, int from,
            int to) {
        BigDecimal charge = unitCharge[p];
        PlanUnit unit = plans[p].unit();
        if (!plain[p] || (!daysKnown && unit != PlanUnit.MONTH && charge.signum() != 0)) {
            return null;
        }
        BigDecimal cost = CostCalculator.limitCharges(BigDecimal.ZERO, monthPrice[p], component, limit, from, to);
        if (charge.signum() == 0) {
            return cost;
        }
        return cost.add(switch (unit) {
            case DAY -> charge.multiply(BigDecimal.valueOf(days));
            case HOUR -> charge.multiply(BigDecimal.valueOf(days)).multiply(HOURS_PER_DAY);
            default -> charge;
        });
    }

    /** A plan whose cost is fully described by monthly proration: no one-off charges, no quarterly, annual or total limits. */
    private static boolean isPlain(PriceList p) {
        if (p.unit() != PlanUnit.MONTH && p.unit() != PlanUnit.DAY && p.unit() != PlanUnit.HOUR) {
            return false;
        }
        for (ComponentPrice c : p.components().values()) {
            if (c.billingType() == BillingType.ONE || c.billingType() == BillingType.FEW) {
                return false;
            }
            if (c.billingType() == BillingType.LIMIT && c.limitPeriod() != LimitPeriod.MONTH) {
                return false;
            }
        }
        return true;
    }
}
