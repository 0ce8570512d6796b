package dev.tally.emulator.store;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** What an order asks for, by its Waldur wire name (docs/emulator.md, "Order lifecycle"). */
public enum OrderType {
    CREATE("Create"),
    UPDATE("Update"),
    TERMINATE("Terminate"),
    // Accepted by the ?type= filter; no emulated order restores a resource.
    RESTORE("Restore");

    /** Every wire name, for the {@code ?type=} choice filter. */
    public static final Set<String> WIRE_NAMES =
            Arrays.stream(values()).map(OrderType::wire).collect(Collectors.toUnmodifiableSet());

    private final String wire;

    OrderType(String wire) {
        this.wire = wire;
    }

    /** The name Waldur sends and accepts. */
    public String wire() {
        return wire;
    }

    /** The type of an order row. */
    static OrderType of(Row order) {
        return ofWire(order.get("type").asText());
    }

    static OrderType ofWire(String type) {
        for (OrderType value : values()) {
            if (value.wire.equals(type)) {
                return value;
            }
        }
        throw new IllegalArgumentException("Unknown order type: " + type);
    }
}
