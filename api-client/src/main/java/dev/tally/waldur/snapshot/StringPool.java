package dev.tally.waldur.snapshot;

import java.util.HashMap;
import java.util.Map;

/**
 * One instance per distinct string: at scale, orders and resources repeat the same plan, offering,
 * project and customer UUIDs and names tens of thousands of times, and the parser would otherwise
 * keep a copy of each. Not thread-safe; one pool per reading thread.
 */
final class StringPool {
    private final Map<String, String> pool = new HashMap<>();

    /** The pooled instance equal to {@code s}, or null for null. */
    String shared(String s) {
        return s == null ? null : pool.computeIfAbsent(s, k -> k);
    }
}
