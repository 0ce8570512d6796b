package dev.tally.waldur.snapshot;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The offering UUIDs that harvested orders and resources name in their {@code offering_uuid}, read straight from the
 * pages' compact JSON lines, so no object is parsed twice. The public offerings list omits Archived offerings whose
 * resources remain (docs/waldur.md, "Offerings the public list omits"); these references are how a harvest finds them.
 */
final class OfferingReferences {
    private static final byte[] KEY = "\"offering_uuid\":\"".getBytes(StandardCharsets.US_ASCII);

    private final Set<String> named = ConcurrentHashMap.newKeySet();

    /** Notes every {@code "offering_uuid":"…"} value in {@code length} bytes of JSON lines. */
    void scan(byte[] lines, int length) {
        scan(lines, 0, length);
    }

    /** Notes every {@code "offering_uuid":"…"} value in {@code lines[from, length)}. */
    void scan(byte[] lines, int from, int length) {
        for (int i = indexOf(lines, from, length); i >= 0; i = indexOf(lines, i, length)) {
            int end = i;
            while (end < length && lines[end] != '"') {
                end++;
            }
            if (end > i) {
                named.add(new String(lines, i, end - i, StandardCharsets.US_ASCII).replace("-", "").toLowerCase(Locale.ROOT));
            }
            i = end;
        }
    }

    /** The noted UUIDs that {@code listed} lacks, sorted, so a harvest fetches them in a repeatable order. */
    Set<String> missingFrom(Set<String> listed) {
        Set<String> missing = new TreeSet<>(named);
        missing.removeAll(listed);
        return missing;
    }

    /**
     * How far the search may move on when the key's last position holds a given byte (Horspool): most bytes of a
     * line are not in the key, so the search looks at about one byte in {@code KEY.length} instead of every one.
     */
    private static final int[] SHIFT = shifts();

    private static int[] shifts() {
        int[] shift = new int[256];
        java.util.Arrays.fill(shift, KEY.length);
        for (int k = 0; k < KEY.length - 1; k++) {
            shift[KEY[k] & 0xff] = KEY.length - 1 - k;
        }
        return shift;
    }

    /** The position just after the next key at or after {@code from}, or -1. */
    private static int indexOf(byte[] bytes, int from, int length) {
        int last = KEY.length - 1;
        for (int i = from; i <= length - KEY.length; i += SHIFT[bytes[i + last] & 0xff]) {
            int k = last;
            while (k >= 0 && bytes[i + k] == KEY[k]) {
                k--;
            }
            if (k < 0) {
                return i + KEY.length;
            }
        }
        return -1;
    }
}
