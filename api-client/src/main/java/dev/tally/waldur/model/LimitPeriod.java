package dev.tally.waldur.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Over which period a {@code limit} component is granted and billed (docs/waldur.md, Enumerations).
 * {@code UNKNOWN} for blank or unknown text; Waldur's own default when the field is missing is {@code month}.
 */
public enum LimitPeriod implements WireValue {
    MONTH,
    QUARTERLY,
    ANNUAL,
    TOTAL,
    UNKNOWN;

    @JsonValue
    @Override
    public String wire() {
        // Waldur spells these values as the constant's name in lower case.
        return name().toLowerCase(Locale.ROOT);
    }

    /** The period of a wire string, case-insensitively; {@code UNKNOWN} for null or anything unknown. */
    @JsonCreator
    public static LimitPeriod of(String text) {
        return WireValues.match(values(), text, UNKNOWN);
    }
}
