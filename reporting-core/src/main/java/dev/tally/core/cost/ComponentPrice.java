package dev.tally.core.cost;

import dev.tally.core.check.Checks;
import java.math.BigDecimal;

/**
 * One component of a plan: its type, how it is billed, its price per unit (per month for LUMI),
 * the period a limit covers, and the plan's fixed {@code amount} (used by {@code fixed}, {@code one}
 * and {@code few} components; 1 when the plan does not say).
 */
public record ComponentPrice(String type, BillingType billingType, BigDecimal price, LimitPeriod limitPeriod,
        BigDecimal amount) {
    public ComponentPrice {
        Checks.nonNull("type, billingType", type, billingType);
        price = price == null ? BigDecimal.ZERO : price;
        limitPeriod = limitPeriod == null ? LimitPeriod.MONTH : limitPeriod;
        amount = amount == null ? BigDecimal.ONE : amount;
    }

    /** A component with a monthly limit period and amount 1. */
    public ComponentPrice(String type, BillingType billingType, BigDecimal price) {
        this(type, billingType, price, LimitPeriod.MONTH, BigDecimal.ONE);
    }

    /** {@code price × amount}: the charge of a {@code fixed}, {@code one} or {@code few} component. */
    public BigDecimal fixedCharge() {
        return price.multiply(amount);
    }
}
