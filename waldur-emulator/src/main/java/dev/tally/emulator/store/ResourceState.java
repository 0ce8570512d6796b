package dev.tally.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The states of a marketplace resource, by their wire names; orders move them (docs/emulator.md, "Order lifecycle"). */
public enum ResourceState {
    CREATING("Creating"),
    OK("OK"),
    ERRED("Erred"),
    UPDATING("Updating"),
    TERMINATING("Terminating"),
    TERMINATED("Terminated");

    /** Every wire name, for the {@code ?state=} choice filter. */
    public static final Set<String> WIRE_NAMES =
            Arrays.stream(values()).map(ResourceState::wire).collect(Collectors.toUnmodifiableSet());

    private final String wire;

    ResourceState(String wire) {
        this.wire = wire;
    }

    /** The name Waldur sends and accepts. */
    public String wire() {
        return wire;
    }

    /** Whether the row (a resource) is in this state. */
    public boolean is(Row resource) {
        JsonNode state = resource.get("state");
        return state != null && wire.equals(state.asText());
    }
}
