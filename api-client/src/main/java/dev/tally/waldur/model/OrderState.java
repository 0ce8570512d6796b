package dev.tally.waldur.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;

/** Order states as display strings (docs/waldur.md, Enumerations); {@code UNKNOWN} for a value newer than this client. */
public enum OrderState implements WireValue {
    PENDING_CONSUMER("pending-consumer"),
    PENDING_PROVIDER("pending-provider"),
    PENDING_PROJECT("pending-project"),
    PENDING_START_DATE("pending-start-date"),
    EXECUTING("executing"),
    DONE("done"),
    ERRED("erred"),
    CANCELED("canceled"),
    REJECTED("rejected"),
    @JsonEnumDefaultValue
    UNKNOWN("unknown");

    private final String wire;

    OrderState(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    /** Done, erred, canceled and rejected orders never change again. */
    public boolean isTerminal() {
        return this == DONE || this == ERRED || this == CANCELED || this == REJECTED;
    }

    /** Parses a display string such as {@code pending-consumer}. */
    public static OrderState parse(String text) {
        for (OrderState s : values()) {
            if (s.wire.equalsIgnoreCase(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown order state '" + text + "'");
    }
}
