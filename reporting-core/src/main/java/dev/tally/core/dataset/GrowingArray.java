package dev.tally.core.dataset;

import java.util.function.IntFunction;

/**
 * An array of any element type ({@code String[]}, {@code byte[]} …) that doubles when an index lies beyond it: the
 * columns of {@link DatasetBuilder} that {@link IntList} does not hold, grown by one rule instead of a copy per column.
 *
 * @param <A> the array type
 */
final class GrowingArray<A> {
    private static final int INITIAL = 16;

    private final IntFunction<A> newArray;
    private A values;
    private int length;

    /** An array of 16 elements, made (and remade when it grows) by {@code newArray}, e.g. {@code byte[]::new}. */
    GrowingArray(IntFunction<A> newArray) {
        this.newArray = newArray;
        this.values = newArray.apply(INITIAL);
        this.length = INITIAL;
    }

    /** The array, first grown (to twice its length, or more if needed) when it has no element {@code index}. */
    A at(int index) {
        if (index >= length) {
            int grown = Math.max(index + 1, length * 2);
            A bigger = newArray.apply(grown);
            System.arraycopy(values, 0, bigger, 0, length);
            values = bigger;
            length = grown;
        }
        return values;
    }

    /** A copy of the first {@code n} elements (padded with zeros or nulls beyond the array, as {@code Arrays.copyOf}). */
    A toArray(int n) {
        A copy = newArray.apply(n);
        System.arraycopy(values, 0, copy, 0, Math.min(n, length));
        return copy;
    }
}
