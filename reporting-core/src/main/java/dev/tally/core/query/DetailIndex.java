package dev.tally.core.query;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Numbers the distinct full keys (one code per dimension) of a query's rows {@code 0, 1, 2, …}.
 * When every dimension's codes lie in a known range and together fit in 62 bits, a key is packed
 * into one {@code long} and looked up without allocating; other keys (never expected, but possible
 * for huge dictionaries) go through a map of copied arrays.
 */
final class DetailIndex {
    private final long[] offset;
    private final long[] size;
    private final int[] bits;
    private final boolean packable;
    private final LongIntMap packed = new LongIntMap();
    private final Map<Key, Integer> other = new HashMap<>();
    private int count;

    /** An index for keys whose code at position {@code p} normally lies in {@code from[p] … from[p] + size[p] - 1}. */
    DetailIndex(long[] from, long[] size) {
        this.offset = from.clone();
        this.size = size.clone();
        this.bits = new int[size.length];
        int total = 0;
        for (int p = 0; p < size.length; p++) {
            bits[p] = size[p] <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(size[p] - 1);
            total += bits[p];
        }
        this.packable = total <= 62;
    }

    /** How many distinct keys have been numbered. */
    int count() {
        return count;
    }

    /** The number of {@code codes}, giving it the next number when new; {@code codes} is not kept. */
    int id(int[] codes) {
        if (packable) {
            long key = 0;
            boolean fits = true;
            for (int p = 0; p < codes.length; p++) {
                long v = codes[p] - offset[p];
                fits &= v >= 0 && v < size[p];
                key = (key << bits[p]) | (v & ((1L << bits[p]) - 1));
            }
            if (fits) {
                int id = packed.get(key);
                if (id < 0) {
                    id = count++;
                    packed.putNew(key, id);
                }
                return id;
            }
        }
        return other.computeIfAbsent(new Key(codes.clone()), k -> count++);
    }

    private record Key(int[] codes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(k.codes, codes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(codes);
        }
    }
}
