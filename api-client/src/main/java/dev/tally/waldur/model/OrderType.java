package dev.tally.waldur.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;

/** Order types as display strings (docs/waldur.md, Enumerations). */
public enum OrderType implements WireValue {
    CREATE("Create"),
    UPDATE("Update"),
    TERMINATE("Terminate"),
    RESTORE("Restore"),
    @JsonEnumDefaultValue
    UNKNOWN("Unknown");

    private final String wire;

    OrderType(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    /** Parses a display string such as {@code Create}, case-insensitively. */
    public static OrderType parse(String text) {
        for (OrderType t : values()) {
            if (t.wire.equalsIgnoreCase(text)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown order type '" + text + "'");
    }
}
