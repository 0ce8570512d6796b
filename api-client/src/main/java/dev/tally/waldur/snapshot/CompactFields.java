package dev.tally.waldur.snapshot;

import java.nio.charset.StandardCharsets;

/**
 * {@link TopLevelFields#read} for the common case, without a parser: a line as the harvest writes it (compact JSON,
 * docs/harvest.md, "Canonical order") is walked byte by byte, skipping nested values and string contents, and only the
 * named top-level values are decoded. Anything it is not sure of (whitespace, an escape in a key or a wanted string,
 * a name given twice, bytes that are not compact JSON) answers false and the caller parses the line instead, so
 * the values are always the parser's.
 */
final class CompactFields {
    private CompactFields() {
    }

    /**
     * Fills {@code values} with the top-level scalars named in {@code names} of the object in {@code line[from, to)}
     * (strings decoded, numbers and booleans as written, {@code null}, objects and arrays as null); false when unsure.
     */
    static boolean read(byte[] line, int from, int to, String[] names, String[] values) {
        int end = to;
        while (end > from && line[end - 1] == '\n') {
            end--;
        }
        if (end - from < 2 || line[from] != '{' || line[end - 1] != '}') {
            return false;
        }
        boolean[] seen = new boolean[names.length];
        int found = 0;
        int i = from + 1;
        if (line[i] == '}') {
            return i == end - 1;
        }
        while (true) {
            if (line[i] != '"') {
                return false;
            }
            int keyStart = i + 1;
            int keyEnd = stringEnd(line, keyStart, end);
            if (keyEnd < 0) {
                return false;
            }
            int at = indexOf(names, line, keyStart, keyEnd);
            i = keyEnd + 1;
            if (i >= end || line[i] != ':') {
                return false;
            }
            i++;
            if (i >= end) {
                return false;
            }
            int valueEnd = valueEnd(line, i, end);
            if (valueEnd < 0) {
                return false;
            }
            if (at >= 0) {
                if (seen[at]) {
                    return false;
                }
                seen[at] = true;
                found++;
                byte first = line[i];
                if (first == '"') {
                    if (stringEnd(line, i + 1, end) != valueEnd - 1) {
                        return false;
                    }
                    values[at] = new String(line, i + 1, valueEnd - 1 - (i + 1), StandardCharsets.UTF_8);
                } else if (first != '{' && first != '[' && !isNull(line, i, valueEnd)) {
                    values[at] = new String(line, i, valueEnd - i, StandardCharsets.US_ASCII);
                }
                if (found == names.length) {
                    return true;
                }
            }
            i = valueEnd;
            if (i >= end) {
                return false;
            }
            if (line[i] == '}') {
                return i == end - 1;
            }
            if (line[i] != ',') {
                return false;
            }
            i++;
            if (i >= end) {
                return false;
            }
        }
    }

    /** The index of the closing quote of the string whose contents start at {@code i}; -1 if it has an escape. */
    private static int stringEnd(byte[] line, int i, int end) {
        for (; i < end; i++) {
            byte b = line[i];
            if (b == '"') {
                return i;
            }
            if (b == '\\') {
                return -1;
            }
        }
        return -1;
    }

    /** Just after the value starting at {@code i} (a string, a nested value or a scalar), or -1. */
    private static int valueEnd(byte[] line, int i, int end) {
        byte first = line[i];
        if (first == '"') {
            int close = skipString(line, i + 1, end);
            return close < 0 ? -1 : close + 1;
        }
        if (first == '{' || first == '[') {
            int depth = 0;
            for (; i < end; i++) {
                byte b = line[i];
                if (b == '"') {
                    i = skipString(line, i + 1, end);
                    if (i < 0) {
                        return -1;
                    }
                } else if (b == '{' || b == '[') {
                    depth++;
                } else if (b == '}' || b == ']') {
                    if (--depth == 0) {
                        return i + 1;
                    }
                }
            }
            return -1;
        }
        int j = i;
        while (j < end) {
            byte b = line[j];
            if (b == ',' || b == '}') {
                break;
            }
            if (!(b == '-' || b == '+' || b == '.' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b == 'E')) {
                return -1;
            }
            j++;
        }
        return j > i ? j : -1;
    }

    /** The closing quote of the string whose contents start at {@code i}, escapes skipped; -1 if it is not closed. */
    private static int skipString(byte[] line, int i, int end) {
        for (; i < end; i++) {
            byte b = line[i];
            if (b == '"') {
                return i;
            }
            if (b == '\\') {
                i++;
            }
        }
        return -1;
    }

    private static boolean isNull(byte[] line, int i, int end) {
        return end - i == 4 && line[i] == 'n' && line[i + 1] == 'u' && line[i + 2] == 'l' && line[i + 3] == 'l';
    }

    private static int indexOf(String[] names, byte[] line, int start, int end) {
        for (int n = 0; n < names.length; n++) {
            String name = names[n];
            if (name.length() != end - start) {
                continue;
            }
            boolean same = true;
            for (int k = 0; k < name.length(); k++) {
                if (line[start + k] != name.charAt(k)) {
                    same = false;
                    break;
                }
            }
            if (same) {
                return n;
            }
        }
        return -1;
    }
}
