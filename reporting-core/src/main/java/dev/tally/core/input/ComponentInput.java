package dev.tally.core.input;

import dev.tally.core.cost.BillingType;
import dev.tally.core.cost.LimitPeriod;
import java.util.Objects;

/**
 * An offering component as Waldur describes it: type, billing type, limit period (docs/definitions.md, "Cost") and
 * its {@code measured_unit} (such as {@code "QPU seconds"}; null or blank when not given), which labels a component
 * the core has no words for.
 */
public record ComponentInput(String type, BillingType billingType, LimitPeriod limitPeriod, String measuredUnit) {
    public ComponentInput {
        Objects.requireNonNull(type, "type");
        billingType = billingType == null ? BillingType.UNKNOWN : billingType;
        limitPeriod = limitPeriod == null ? LimitPeriod.MONTH : limitPeriod;
        measuredUnit = measuredUnit == null || measuredUnit.isBlank() ? null : measuredUnit.strip();
    }

    /** A component without a measured unit. */
    public ComponentInput(String type, BillingType billingType, LimitPeriod limitPeriod) {
        this(type, billingType, limitPeriod, null);
    }
}
