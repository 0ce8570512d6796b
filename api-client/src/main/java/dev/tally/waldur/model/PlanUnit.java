package dev.tally.waldur.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The billing unit of a plan's {@code unit_price} (docs/waldur.md, Enumerations); {@code UNKNOWN} for anything else. */
public enum PlanUnit implements WireValue {
    MONTH,
    QUARTER,
    HALF_MONTH,
    DAY,
    HOUR,
    QUANTITY,
    UNKNOWN;

    @JsonValue
    @Override
    public String wire() {
        // Waldur spells these values as the constant's name in lower case.
        return name().toLowerCase(Locale.ROOT);
    }

    /** The unit of a wire string, case-insensitively; {@code UNKNOWN} for null or anything unknown. */
    @JsonCreator
    public static PlanUnit of(String text) {
        return WireValues.match(values(), text, UNKNOWN);
    }
}
