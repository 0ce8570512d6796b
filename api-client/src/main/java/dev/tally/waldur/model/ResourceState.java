package dev.tally.waldur.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;

/** Resource states as display strings (docs/waldur.md, Enumerations). */
public enum ResourceState implements WireValue {
    CREATING("Creating"),
    OK("OK"),
    ERRED("Erred"),
    UPDATING("Updating"),
    TERMINATING("Terminating"),
    TERMINATED("Terminated"),
    @JsonEnumDefaultValue
    UNKNOWN("Unknown");

    private final String wire;

    ResourceState(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }
}
