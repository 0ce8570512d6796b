package dev.tally.waldur.snapshot;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where one JSON line goes in a snapshot data file (docs/harvest.md, "Canonical order"): by the values of the
 * fields the harvest orders its list by ({@code fields}, compared as text, a missing or null value last), then by the
 * UUID as a 128-bit number (Waldur's 32 hex digits; dashes and case ignored), so a file's bytes depend on what the
 * server holds, never on paging, parallelism or a tied ordering. UUIDs that are not hex sort after those that are, as
 * text; objects without one come after both; lines with equal keys are ordered by their bytes.
 */
record LineKey(String[] fields, int kind, long high, long low, String other) implements Comparable<LineKey> {
    static final int HEX = 0;
    static final int TEXT = 1;
    static final int NONE = 2;
    private static final String[] NO_FIELDS = new String[0];
    private static final java.util.HexFormat HEX_DIGITS = java.util.HexFormat.of();

    static LineKey of(String uuid) {
        return of(NO_FIELDS, uuid);
    }

    static LineKey of(String[] fields, String uuid) {
        if (uuid == null) {
            return new LineKey(fields, NONE, 0, 0, null);
        }
        String normal = normalised(uuid);
        if (isHex(normal)) {
            return new LineKey(fields, HEX, Long.parseUnsignedLong(normal, 0, 16, 16),
                    Long.parseUnsignedLong(normal, 16, 32, 16), null);
        }
        return new LineKey(fields, TEXT, 0, 0, uuid);
    }

    /** The UUID as Waldur's filters and URLs take it: lower case, no dashes. */
    static String normalised(String uuid) {
        return uuid.replace("-", "").toLowerCase(Locale.ROOT);
    }

    static boolean isHex(String s) {
        if (s.length() != 32) {
            return false;
        }
        for (int i = 0; i < 32; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** The key's UUID in its normal form (lower-case hex, no dashes); null for objects without one. */
    String uuid() {
        return switch (kind) {
            case HEX -> HEX_DIGITS.toHexDigits(high) + HEX_DIGITS.toHexDigits(low);
            case TEXT -> other;
            default -> null;
        };
    }

    /** Whether both keys name the same object (the same UUID). */
    boolean sameObject(LineKey o) {
        return kind == o.kind && high == o.high && low == o.low && (kind != TEXT || other.equals(o.other));
    }

    @Override
    public int compareTo(LineKey o) {
        int n = Math.min(fields.length, o.fields.length);
        for (int i = 0; i < n; i++) {
            String a = fields[i];
            String b = o.fields[i];
            if (a == null || b == null) {
                if (a != b) {
                    return a == null ? 1 : -1;
                }
                continue;
            }
            int c = a.compareTo(b);
            if (c != 0) {
                return c;
            }
        }
        int c = Integer.compare(kind, o.kind);
        if (c != 0) {
            return c;
        }
        c = Long.compareUnsigned(high, o.high);
        if (c != 0) {
            return c;
        }
        c = Long.compareUnsigned(low, o.low);
        if (c != 0 || kind != TEXT) {
            return c;
        }
        return other.compareTo(o.other);
    }

    /** The total order of lines: by key, then by their bytes. */
    static int compare(LineKey a, byte[] aLine, LineKey b, byte[] bLine) {
        int c = a.compareTo(b);
        return c != 0 ? c : Arrays.compareUnsigned(aLine, bLine);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LineKey k && compareTo(k) == 0 && Arrays.equals(fields, k.fields);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(high) * 31 + Long.hashCode(low);
    }

    @Override
    public String toString() {
        return Arrays.toString(fields) + "/" + kind + ":" + Long.toHexString(high) + Long.toHexString(low);
    }
}
