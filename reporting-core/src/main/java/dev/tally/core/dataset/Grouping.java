package dev.tally.core.dataset;

import java.util.Arrays;

/**
 * A stable ordering of millions of rows by small {@code int} keys without boxing: a counting sort by
 * a dense group code, then a sort of each group's rows by two more keys. Used to bring usage reports
 * into allocation, month and component order and to find reports that replace each other.
 */
public final class Grouping {
    private Grouping() {
    }

    /**
     * The rows {@code 0 … n-1} whose {@code group[k]} is not negative, ordered by {@code group[k]}
     * (a code below {@code groups}), then {@code a[k]}, then {@code b[k]}, then {@code k} itself.
     */
    public static int[] order(int n, int[] group, int groups, int[] a, int[] b) {
        int[] start = new int[groups + 1];
        int m = 0;
        for (int k = 0; k < n; k++) {
            if (group[k] >= 0) {
                start[group[k] + 1]++;
                m++;
            }
        }
        int maxLength = 0;
        for (int g = 0; g < groups; g++) {
            maxLength = Math.max(maxLength, start[g + 1]);
            start[g + 1] += start[g];
        }
        int[] rows = new int[m];
        int[] next = Arrays.copyOf(start, groups);
        long minA = Long.MAX_VALUE;
        long maxA = Long.MIN_VALUE;
        long minB = Long.MAX_VALUE;
        long maxB = Long.MIN_VALUE;
        for (int k = 0; k < n; k++) {
            if (group[k] >= 0) {
                rows[next[group[k]]++] = k;
                minA = Math.min(minA, a[k]);
                maxA = Math.max(maxA, a[k]);
                minB = Math.min(minB, b[k]);
                maxB = Math.max(maxB, b[k]);
            }
        }
        if (maxLength > 1) {
            sortGroups(rows, start, groups, a, b, minA, bits(maxA - minA), minB, bits(maxB - minB), maxLength);
        }
        return rows;
    }

    /** Sorts each group's rows by {@code (a, b)}; rows arrive in ascending {@code k}, which breaks ties. */
    private static void sortGroups(int[] rows, int[] start, int groups, int[] a, int[] b, long minA, int aBits,
            long minB, int bBits, int maxLength) {
        int pBits = bits(maxLength - 1);
        boolean packed = aBits + bBits + pBits <= 63;
        long[] keys = packed ? new long[maxLength] : null;
        int[] slice = new int[maxLength];
        for (int g = 0; g < groups; g++) {
            int from = start[g];
            int to = start[g + 1];
            if (to - from < 2 || sorted(rows, from, to, a, b)) {
                continue;
            }
            int len = to - from;
            System.arraycopy(rows, from, slice, 0, len);
            if (packed) {
                // (a, b, position) packed into one long: a primitive sort, with the position as tie-break
                for (int j = 0; j < len; j++) {
                    int k = slice[j];
                    keys[j] = ((a[k] - minA) << (bBits + pBits)) | ((b[k] - minB) << pBits) | j;
                }
                Arrays.sort(keys, 0, len);
                long mask = (1L << pBits) - 1;
                for (int j = 0; j < len; j++) {
                    rows[from + j] = slice[(int) (keys[j] & mask)];
                }
            } else {
                Integer[] boxed = new Integer[len];
                for (int j = 0; j < len; j++) {
                    boxed[j] = slice[j];
                }
                // stable: equal keys keep ascending k
                Arrays.sort(boxed, (x, y) -> a[x] != a[y] ? Integer.compare(a[x], a[y]) : Integer.compare(b[x], b[y]));
                for (int j = 0; j < len; j++) {
                    rows[from + j] = boxed[j];
                }
            }
        }
    }

    private static boolean sorted(int[] rows, int from, int to, int[] a, int[] b) {
        for (int j = from + 1; j < to; j++) {
            int x = rows[j - 1];
            int y = rows[j];
            if (a[x] > a[y] || (a[x] == a[y] && b[x] > b[y])) {
                return false;
            }
        }
        return true;
    }

    /** The bits needed for values {@code 0 … max}. */
    private static int bits(long max) {
        return 64 - Long.numberOfLeadingZeros(max);
    }
}
