package dev.tally.emulator.store;

import java.util.Set;

/** What an order asks for, by its Waldur wire name (docs/emulator.md, "Order lifecycle"). */
public enum OrderType implements WireName {
    CREATE("Create"),
    UPDATE("Update"),
    TERMINATE("Terminate"),
    // Accepted by the ?type= filter; no emulated order restores a resource.
    RESTORE("Restore");

    /** Every wire name, for the {@code ?type=} choice filter. */
    public static final Set<String> WIRE_NAMES = WireName.all(values());

    private final String wire;

    OrderType(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** The type of an order row. */
    static OrderType of(Row order) {
        return ofWire(order.get("type").asText());
    }

    static OrderType ofWire(String type) {
        return WireName.parse(values(), type);
    }
}
