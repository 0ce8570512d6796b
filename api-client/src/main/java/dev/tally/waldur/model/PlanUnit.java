package dev.tally.waldur.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** The billing unit of a plan's {@code unit_price} (docs/waldur.md, Enumerations); {@code UNKNOWN} for anything else. */
public enum PlanUnit implements LowerCaseWireValue {
    MONTH,
    QUARTER,
    HALF_MONTH,
    DAY,
    HOUR,
    QUANTITY,
    UNKNOWN;

    /** The unit of a wire string, case-insensitively; {@code UNKNOWN} for null or anything unknown. */
    @JsonCreator
    public static PlanUnit of(String text) {
        return WireValues.match(values(), text, UNKNOWN);
    }
}
