package dev.tally.waldur.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Over which period a {@code limit} component is granted and billed (docs/waldur.md, Enumerations).
 * {@code UNKNOWN} for blank or unknown text; Waldur's own default when the field is missing is {@code month}.
 */
public enum LimitPeriod implements WireValue {
    MONTH("month"),
    QUARTERLY("quarterly"),
    ANNUAL("annual"),
    TOTAL("total"),
    UNKNOWN("unknown");

    private final String wire;

    LimitPeriod(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    /** The period of a wire string, case-insensitively; {@code UNKNOWN} for null or anything unknown. */
    @JsonCreator
    public static LimitPeriod of(String text) {
        return WireValues.match(values(), text, UNKNOWN);
    }
}
