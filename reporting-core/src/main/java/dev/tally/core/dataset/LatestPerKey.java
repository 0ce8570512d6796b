package dev.tally.core.dataset;

/**
 * Of the rows with the same key, the latest: a row without a time loses to any with one; of two at the same time,
 * or when no row has a time, the one added later wins. The dataset keeps one usage figure per key with it; which
 * usage records make that figure is decided once, by {@code UsageTable.counted} (docs/definitions.md, "Usage and
 * utilisation").
 */
public final class LatestPerKey {
    /** The {@code nano} of a report without a time. */
    public static final int NO_TIME = -1;

    private LatestPerKey() {
    }

    /**
     * Reduces {@code rows}, as {@link Grouping#order} returns them (equal keys {@code (group, a, b)}
     * adjacent, each key's rows in the order added), to one row per key: the winner of each key is
     * written to {@code rows[j]} for the key's position {@code j}.
     *
     * @param second the report times' epoch seconds, or null when no report has a time
     * @param nano the report times' nanoseconds ({@link #NO_TIME} for none); null with {@code second}
     * @param first when not null, receives each key's first row (where it first appears)
     * @param reports when not null, receives how many rows each key had
     * @return the number of keys
     */
    public static int reduce(int[] rows, int[] group, int[] a, int[] b, long[] second, int[] nano, int[] first,
            int[] reports) {
        int keys = 0;
        for (int from = 0; from < rows.length;) {
            int head = rows[from];
            int to = from + 1;
            while (to < rows.length && group[rows[to]] == group[head] && a[rows[to]] == a[head] && b[rows[to]] == b[head]) {
                to++;
            }
            int latest = rows[to - 1];
            if (second != null) {
                latest = head;
                for (int j = from; j < to; j++) {
                    int k = rows[j];
                    if (nano[latest] == NO_TIME || (nano[k] != NO_TIME && !isBefore(k, latest, second, nano))) {
                        latest = k;
                    }
                }
            }
            if (first != null) {
                first[keys] = head;
            }
            if (reports != null) {
                reports[keys] = to - from;
            }
            rows[keys++] = latest;
            from = to;
        }
        return keys;
    }

    private static boolean isBefore(int k, int other, long[] second, int[] nano) {
        return second[k] != second[other] ? second[k] < second[other] : nano[k] < nano[other];
    }
}
