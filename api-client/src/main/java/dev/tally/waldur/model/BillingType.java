package dev.tally.waldur.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How an offering component is billed (docs/waldur.md, Enumerations); {@code UNKNOWN} for anything else. */
public enum BillingType implements WireValue {
    FIXED,
    USAGE,
    LIMIT,
    ONE,
    FEW,
    UNKNOWN;

    @JsonValue
    @Override
    public String wire() {
        // Waldur spells these values as the constant's name in lower case.
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type of a wire string, case-insensitively; {@code UNKNOWN} for null or anything unknown. */
    @JsonCreator
    public static BillingType of(String text) {
        return WireValues.match(values(), text, UNKNOWN);
    }
}
