package dev.tally.waldur.snapshot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;

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
        if (names.length == 0) {
            return values;
        }
        int found = 0;
        try (JsonParser p = FACTORY.createParser(line, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return values;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                int at = indexOf(names, name);
                if (at >= 0 && value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                    values[at] = p.getText();
                    if (++found == names.length) {
                        break;
                    }
                } else if (value.isStructStart()) {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
        try (JsonParser p = FACTORY.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return values;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                int at = indexOf(names, name);
                if (at >= 0 && value.isScalarValue()) {
                    int start = (int) p.currentTokenLocation().getByteOffset();
                    p.finishToken();
                    int end = (int) p.currentLocation().getByteOffset();
                    values[at] = java.util.Arrays.copyOfRange(line, start, end);
                    if (spans != null) {
                        spans[2 * at] = start;
                        spans[2 * at + 1] = end;
                    }
                } else if (value.isStructStart()) {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
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
