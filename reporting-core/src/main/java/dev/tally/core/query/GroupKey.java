package dev.tally.core.query;

import java.util.Arrays;

/** A group's identity in one aggregation pass: its level (detail, subtotal depth, other, total) and dimension codes. */
final class GroupKey {
    static final int DETAIL = 0;
    static final int OTHER = -1;
    static final int TOTAL = -2;

    final int level;
    final int[] codes;
    private final int hash;

    GroupKey(int level, int[] codes) {
        this.level = level;
        this.codes = codes;
        this.hash = 31 * level + Arrays.hashCode(codes);
    }

    /** A subtotal over the first {@code depth} dimensions. */
    static GroupKey subtotal(int[] full, int depth) {
        return new GroupKey(depth, Arrays.copyOf(full, depth));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupKey k && k.hash == hash && k.level == level && Arrays.equals(k.codes, codes);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
