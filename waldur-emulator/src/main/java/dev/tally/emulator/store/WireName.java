package dev.tally.emulator.store;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** An enum constant with the name Waldur sends and accepts for it; the store's state and type enums are ones. */
interface WireName {

    /** The name Waldur sends and accepts. */
    String wire();

    /** Every wire name of the constants, for a choice filter. */
    static Set<String> all(WireName[] values) {
        return Arrays.stream(values).map(WireName::wire).collect(Collectors.toUnmodifiableSet());
    }

    /** The constant with this wire name. */
    static <E extends WireName> E parse(E[] values, String wire) {
        for (E value : values) {
            if (value.wire().equals(wire)) {
                return value;
            }
        }
        throw new IllegalArgumentException("Unknown " + values.getClass().getComponentType().getSimpleName() + ": "
                + wire);
    }
}
