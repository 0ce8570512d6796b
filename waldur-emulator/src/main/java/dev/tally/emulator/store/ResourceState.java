package dev.tally.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** The states of a marketplace resource, by their wire names; orders move them (docs/emulator.md, "Order lifecycle"). */
public enum ResourceState implements WireName {
    CREATING("Creating"),
    OK("OK"),
    ERRED("Erred"),
    UPDATING("Updating"),
    TERMINATING("Terminating"),
    TERMINATED("Terminated");

    /** Every wire name, for the {@code ?state=} choice filter. */
    public static final Set<String> WIRE_NAMES = WireName.all(values());

    private final String wire;

    ResourceState(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** Whether the row (a resource) is in this state. */
    public boolean is(Row resource) {
        JsonNode state = resource.get("state");
        return state != null && wire.equals(state.asText());
    }
}
