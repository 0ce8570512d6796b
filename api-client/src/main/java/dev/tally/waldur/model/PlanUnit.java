package dev.tally.waldur.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The billing unit of a plan's {@code unit_price} (docs/waldur.md, Enumerations); {@code UNKNOWN} for anything else. */
public enum PlanUnit implements WireValue {
    MONTH("month"),
    QUARTER("quarter"),
    HALF_MONTH("half_month"),
    DAY("day"),
    HOUR("hour"),
    QUANTITY("quantity"),
    UNKNOWN("unknown");

    private final String wire;

    PlanUnit(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    /** The unit of a wire string, case-insensitively; {@code UNKNOWN} for null or anything unknown. */
    @JsonCreator
    public static PlanUnit of(String text) {
        return WireValues.match(values(), text, UNKNOWN);
    }
}
