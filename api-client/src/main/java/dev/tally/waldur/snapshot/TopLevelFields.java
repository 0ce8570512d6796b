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
        if (names.length > 0 && !CompactFields.read(line, offset, offset + length, names, values)) {
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

    private static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
