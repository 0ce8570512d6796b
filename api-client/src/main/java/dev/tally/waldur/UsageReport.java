package dev.tally.waldur;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One component's usage for {@code set_usage}: the component type, the amount (at most two decimals,
 * Waldur's {@code Decimal(20,2)}) and an optional description.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UsageReport(String type, BigDecimal amount, String description) {
    public UsageReport {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("usage amount (" + amount.toPlainString() + ") must not be negative");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("usage amount (" + amount.toPlainString() + ") has more than two decimals");
        }
    }
}
