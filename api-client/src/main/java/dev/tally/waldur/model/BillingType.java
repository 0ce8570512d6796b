package dev.tally.waldur.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** How an offering component is billed (docs/waldur.md, Enumerations); {@code UNKNOWN} for anything else. */
public enum BillingType implements LowerCaseWireValue {
    FIXED,
    USAGE,
    LIMIT,
    ONE,
    FEW,
    UNKNOWN;

    /** The type of a wire string, case-insensitively; {@code UNKNOWN} for null or anything unknown. */
    @JsonCreator
    public static BillingType of(String text) {
        return WireValues.match(values(), text, UNKNOWN);
    }
}
