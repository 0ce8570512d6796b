package dev.tally.waldur.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Unmodifiable copies that keep the server's key order, so a map prints in the order it was sent. */
final class OrderedMaps {
    private OrderedMaps() {
    }

    /** An unmodifiable copy in {@code map}'s order; empty for null. Null keys or values are refused, as {@code Map.copyOf} does. */
    static <K, V> Map<K, V> copyOf(Map<K, V> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        Map<K, V> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(Objects.requireNonNull(k), Objects.requireNonNull(v)));
        return Collections.unmodifiableMap(copy);
    }
}
