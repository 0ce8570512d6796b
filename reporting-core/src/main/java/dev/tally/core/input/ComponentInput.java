package dev.tally.core.input;

import dev.tally.core.cost.BillingType;
import dev.tally.core.cost.LimitPeriod;
import java.util.Objects;

/** An offering component as Waldur describes it: type, billing type and limit period (docs/definitions.md, "Cost"). */
public record ComponentInput(String type, BillingType billingType, LimitPeriod limitPeriod) {
    public ComponentInput {
        Objects.requireNonNull(type, "type");
        billingType = billingType == null ? BillingType.UNKNOWN : billingType;
        limitPeriod = limitPeriod == null ? LimitPeriod.MONTH : limitPeriod;
    }
}
