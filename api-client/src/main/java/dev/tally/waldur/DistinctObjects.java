package dev.tally.waldur;

import dev.tally.waldur.http.ListPage;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;

/**
 * The UUIDs of a list seen so far, so a page can be passed on without the objects already delivered. Offset paging
 * over an ordering with ties can show an object on two pages and none on another (docs/waldur.md, "Paging that
 * repeats and skips"); with this, a list never reaches its caller with an object twice.
 */
final class DistinctObjects {
    // Waldur's UUIDs are 32 hex digits: kept as two longs, a harvest of two million usages needs tens of MB here,
    // not the hundreds two million strings in a HashSet would take. Anything else goes into the plain set.
    private final HexUuids hex = new HexUuids();
    private final Set<String> other = new HashSet<>();
    private long withoutUuid;
    private long repeated;

    /** {@code page} without the objects delivered before; the page itself when it brings nothing twice. */
    <P extends ListPage<P>> P admit(P page) {
        BitSet keep = null;
        for (int i = 0; i < page.size(); i++) {
            if (!firstTime(page.uuid(i))) {
                repeated++;
                if (keep == null) {
                    keep = new BitSet(page.size());
                    keep.set(0, page.size());
                }
                keep.clear(i);
            }
        }
        return keep == null ? page : page.keep(keep);
    }

    private boolean firstTime(String uuid) {
        if (uuid == null) {
            withoutUuid++;
            return true;
        }
        return hex.isHex(uuid) ? hex.add(uuid) : other.add(uuid);
    }

    /** How many distinct objects were delivered. */
    long count() {
        return hex.size() + other.size() + withoutUuid;
    }

    /** How many objects came again after being delivered once (and were left out). */
    long repeated() {
        return repeated;
    }

    /** Whether every object delivered had a UUID, so the set can be checked against the count. */
    boolean allIdentified() {
        return withoutUuid == 0;
    }

    /** An open-addressing set of 128-bit values read from 32 lowercase hex digits. */
    private static final class HexUuids {
        private long[] high = new long[1 << 10];
        private long[] low = new long[1 << 10];
        private boolean[] used = new boolean[1 << 10];
        private int size;

        boolean isHex(String uuid) {
            if (uuid.length() != 32) {
                return false;
            }
            for (int i = 0; i < 32; i++) {
                char c = uuid.charAt(i);
                if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                    return false;
                }
            }
            return true;
        }

        int size() {
            return size;
        }

        boolean add(String uuid) {
            long h = Long.parseUnsignedLong(uuid, 0, 16, 16);
            long l = Long.parseUnsignedLong(uuid, 16, 32, 16);
            if (insert(h, l)) {
                size++;
                if (size * 2 > used.length) {
                    grow();
                }
                return true;
            }
            return false;
        }

        private boolean insert(long h, long l) {
            int mask = used.length - 1;
            int at = (int) (mix(h ^ l) & mask);
            while (used[at]) {
                if (high[at] == h && low[at] == l) {
                    return false;
                }
                at = (at + 1) & mask;
            }
            used[at] = true;
            high[at] = h;
            low[at] = l;
            return true;
        }

        private void grow() {
            long[] oldHigh = high;
            long[] oldLow = low;
            boolean[] oldUsed = used;
            high = new long[oldUsed.length * 2];
            low = new long[oldUsed.length * 2];
            used = new boolean[oldUsed.length * 2];
            for (int i = 0; i < oldUsed.length; i++) {
                if (oldUsed[i]) {
                    insert(oldHigh[i], oldLow[i]);
                }
            }
        }

        private static long mix(long z) {
            z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
            return z ^ (z >>> 33);
        }
    }
}
