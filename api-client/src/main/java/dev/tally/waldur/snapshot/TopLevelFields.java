package dev.tally.waldur.snapshot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a few top-level fields of one compact JSON object line as text (numbers and booleans as written, null and
 * objects as null), skipping everything else and stopping once all are found.
 */
final class TopLevelFields {
    private static final JsonFactory FACTORY = new JsonFactory();

    private TopLevelFields() {
    }

    static String[] read(byte[] line, int offset, int length, String[] names) {
        String[] values = new String[names.length];
        if (names.length > 0 && !Scan.read(line, offset, offset + length, names, values)) {
            Arrays.fill(values, null);
            scan(line, offset, length, names, true, (at, p) -> {
                if (p.currentToken() != JsonToken.VALUE_NULL) {
                    values[at] = p.getText();
                }
            });
        }
        return values;
    }

    /**
     * The exact bytes of a few top-level scalar values of {@code line} (a string with its quotes, {@code null},
     * a number), or null for fields the object lacks or holds an object or array in; with each value's
     * {@code [start, end)} in {@code spans} (two ints per name) so a caller can splice a new value in.
     */
    static byte[][] raw(byte[] line, String[] names, int[] spans) {
        byte[][] values = new byte[names.length][];
        scan(line, 0, line.length, names, false, (at, p) -> {
            int start = (int) p.currentTokenLocation().getByteOffset();
            p.finishToken();
            int end = (int) p.currentLocation().getByteOffset();
            values[at] = java.util.Arrays.copyOfRange(line, start, end);
            if (spans != null) {
                spans[2 * at] = start;
                spans[2 * at + 1] = end;
            }
        });
        return values;
    }

    /** Told about the scalar value of {@code names[at]}, the parser at its token. */
    @FunctionalInterface
    private interface Found {
        void accept(int at, JsonParser p) throws IOException;
    }

    /** Shows each top-level scalar named in {@code names} to {@code found}; with {@code stopEarly}, stops at the last. */
    private static void scan(byte[] line, int offset, int length, String[] names, boolean stopEarly, Found found) {
        int seen = 0;
        try (JsonParser p = FACTORY.createParser(line, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                int at = indexOf(names, p.currentName());
                JsonToken value = p.nextToken();
                if (at >= 0 && value.isScalarValue()) {
                    found.accept(at, p);
                    if (stopEarly && ++seen == names.length) {
                        return;
                    }
                } else if (value.isStructStart()) {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The common case of {@link #read} without a parser: one pass over the bytes of a compact object, nested values
     * skipped by counting brackets outside strings. It gives up (false) on anything it does not expect, such as an
     * escape inside a wanted string or a malformed line, and Jackson then reads the line.
     */
    private static final class Scan {
        private Scan() {
        }

        static boolean read(byte[] b, int from, int end, String[] names, String[] values) {
            int seen = 0;
            int i = space(b, from, end);
            if (i >= end || b[i] != '{') {
                return false;
            }
            i = space(b, i + 1, end);
            if (i < end && b[i] == '}') {
                return true;
            }
            while (i < end) {
                if (b[i] != '"') {
                    return false;
                }
                int keyStart = i + 1;
                int keyEnd = keyStart;
                while (keyEnd < end && b[keyEnd] != '"') {
                    if (b[keyEnd] == '\\') {
                        return false;
                    }
                    keyEnd++;
                }
                i = space(b, keyEnd + 1, end);
                if (i >= end || b[i] != ':') {
                    return false;
                }
                i = space(b, i + 1, end);
                if (i >= end) {
                    return false;
                }
                int at = indexOf(names, b, keyStart, keyEnd);
                byte c = b[i];
                if (c == '"') {
                    int valueEnd = i + 1;
                    boolean escaped = false;
                    while (valueEnd < end && b[valueEnd] != '"') {
                        if (b[valueEnd] == '\\') {
                            escaped = true;
                            valueEnd++;
                        }
                        valueEnd++;
                    }
                    if (valueEnd >= end) {
                        return false;
                    }
                    if (at >= 0) {
                        if (escaped) {
                            return false;
                        }
                        values[at] = new String(b, i + 1, valueEnd - i - 1, StandardCharsets.UTF_8);
                    }
                    i = valueEnd + 1;
                } else if (c == '{' || c == '[') {
                    i = skipNested(b, i, end);
                    if (i < 0) {
                        return false;
                    }
                    at = -1;
                } else {
                    int valueEnd = i;
                    while (valueEnd < end && b[valueEnd] != ',' && b[valueEnd] != '}' && b[valueEnd] > ' ') {
                        valueEnd++;
                    }
                    if (valueEnd == i) {
                        return false;
                    }
                    if (at >= 0 && !(valueEnd - i == 4 && b[i] == 'n' && b[i + 1] == 'u' && b[i + 2] == 'l' && b[i + 3] == 'l')) {
                        values[at] = new String(b, i, valueEnd - i, StandardCharsets.US_ASCII);
                    }
                    i = valueEnd;
                }
                if (at >= 0 && ++seen == names.length) {
                    return true;
                }
                i = space(b, i, end);
                if (i >= end) {
                    return false;
                }
                if (b[i] == '}') {
                    return true;
                }
                if (b[i] != ',') {
                    return false;
                }
                i = space(b, i + 1, end);
            }
            return false;
        }

        /** The position after the object or array starting at {@code i}, or -1 if it does not end. */
        private static int skipNested(byte[] b, int i, int end) {
            int depth = 0;
            boolean string = false;
            for (int j = i; j < end; j++) {
                byte c = b[j];
                if (string) {
                    if (c == '\\') {
                        j++;
                    } else if (c == '"') {
                        string = false;
                    }
                } else if (c == '"') {
                    string = true;
                } else if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    if (--depth == 0) {
                        return j + 1;
                    }
                }
            }
            return -1;
        }

        private static int space(byte[] b, int i, int end) {
            while (i < end && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
                i++;
            }
            return i;
        }

        private static int indexOf(String[] names, byte[] b, int from, int to) {
            outer:
            for (int n = 0; n < names.length; n++) {
                String name = names[n];
                if (name.length() != to - from) {
                    continue;
                }
                for (int k = 0; k < name.length(); k++) {
                    if (name.charAt(k) != b[from + k]) {
                        continue outer;
                    }
                }
                return n;
            }
            return -1;
        }
    }

    private static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
