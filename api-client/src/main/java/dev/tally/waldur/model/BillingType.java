package dev.tally.waldur.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How an offering component is billed (docs/waldur.md, Enumerations); {@code UNKNOWN} for anything else. */
public enum BillingType implements WireValue {
    FIXED("fixed"),
    USAGE("usage"),
    LIMIT("limit"),
    ONE("one"),
    FEW("few"),
    UNKNOWN("unknown");

    private final String wire;

    BillingType(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    /** The type of a wire string, case-insensitively; {@code UNKNOWN} for null or anything unknown. */
    @JsonCreator
    public static BillingType of(String text) {
        return WireValues.match(values(), text, UNKNOWN);
    }
}
