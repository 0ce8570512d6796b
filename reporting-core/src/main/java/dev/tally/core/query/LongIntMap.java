package dev.tally.core.query;

import java.util.Arrays;

/** An open-addressing map from {@code long} keys to non-negative {@code int}s, so looking up a row's group boxes nothing. */
final class LongIntMap {
    private static final int ABSENT = -1;

    private long[] keys = new long[64];
    private int[] values = new int[64];
    private int size;

    LongIntMap() {
        Arrays.fill(values, ABSENT);
    }

    /** The value of {@code key}, or -1 when absent. */
    int get(long key) {
        int mask = keys.length - 1;
        for (int h = hash(key) & mask; ; h = (h + 1) & mask) {
            if (values[h] == ABSENT) {
                return ABSENT;
            }
            if (keys[h] == key) {
                return values[h];
            }
        }
    }

    /** Maps {@code key} to {@code value} (not negative); the key must be absent. */
    void putNew(long key, int value) {
        if (2 * (size + 1) > keys.length) {
            rehash(keys.length * 2);
        }
        insert(key, value);
        size++;
    }

    private void insert(long key, int value) {
        int mask = keys.length - 1;
        int h = hash(key) & mask;
        while (values[h] != ABSENT) {
            h = (h + 1) & mask;
        }
        keys[h] = key;
        values[h] = value;
    }

    private void rehash(int capacity) {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(values, ABSENT);
        for (int h = 0; h < oldKeys.length; h++) {
            if (oldValues[h] != ABSENT) {
                insert(oldKeys[h], oldValues[h]);
            }
        }
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
