package dev.tally.waldur.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Over which period a {@code limit} component is granted and billed (docs/waldur.md, Enumerations).
 * {@code UNKNOWN} for blank or unknown text; Waldur's own default when the field is missing is {@code month}.
 */
public enum LimitPeriod implements LowerCaseWireValue {
    MONTH,
    QUARTERLY,
    ANNUAL,
    TOTAL,
    UNKNOWN;

    /** The period of a wire string, case-insensitively; {@code UNKNOWN} for null or anything unknown. */
    @JsonCreator
    public static LimitPeriod of(String text) {
        return WireValues.match(values(), text, UNKNOWN);
    }
}
