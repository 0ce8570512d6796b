package dev.tally.core.cost;

import java.math.BigDecimal;
import java.util.Objects;

/** One component of a plan: its type, how it is billed, and its price per unit (per month for LUMI). */
public record ComponentPrice(String type, BillingType billingType, BigDecimal price) {
    public ComponentPrice {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(billingType, "billingType");
        price = price == null ? BigDecimal.ZERO : price;
    }
}
