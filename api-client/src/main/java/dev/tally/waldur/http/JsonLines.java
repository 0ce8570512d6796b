package dev.tally.waldur.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Re-encodes the elements of a JSON array as JSON lines with a streaming parser (and, where needed,
 * a generator), never building a tree. The output is byte for byte what Jackson writes for the same elements read as
 * {@code JsonNode}s by {@code WaldurJson.newMapper()} (compact, same string escaping, integers by
 * value, decimals as {@code BigDecimal} with their trailing zeros), so snapshots do not depend on
 * which path wrote them. Only duplicate keys differ: a tree keeps the last value, this keeps both
 * (no Waldur object has any).
 */
final class JsonLines {
    private JsonLines() {
    }

    /**
     * The lines written into {@code bytes[0, length)}, how many elements they hold, and each element's top-level
     * {@code uuid} (null where it has none), read on the way so paging can check the list without a second parse;
     * {@code ends[i]} is where line {@code i} ends (just after its newline), so no reader scans for newlines again.
     */
    record Buffer(byte[] bytes, int length, int count, String[] uuids, int[] ends) {
    }

    /** Exposes the buffer so the lines are not copied once more. */
    private static final class Bytes extends ByteArrayOutputStream {
        Bytes(int size) {
            super(size);
        }

        byte[] buffer() {
            return buf;
        }
    }

    /**
     * The elements of the array in {@code json}, one compact line each, or null if the body does not
     * start with an array. Invalid JSON (a cut body) is an {@link IOException}.
     *
     * <p>The parser checks every element (skipping, not decoding, its strings). An object or array
     * whose bytes are already what the generator would write ({@link #isCanonical}) is copied as it
     * is, which is the common case for compact server output; any other element is re-encoded.
     */
    static Buffer copyArray(JsonFactory factory, byte[] json) throws IOException {
        try (JsonParser p = factory.createParser(json)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            // Compact input gives output of about the same size: one newline per element instead of a comma.
            Bytes out = new Bytes(json.length + 64);
            int count = 0;
            List<String> uuids = new ArrayList<>();
            int[] ends = new int[16];
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    throw new JsonParseException(p, "Unexpected end-of-input: the list has no closing ']'");
                }
                String uuid = null;
                if (t.isStructStart()) {
                    int start = (int) p.currentTokenLocation().getByteOffset();
                    if (t == JsonToken.START_OBJECT) {
                        uuid = skipObjectKeepingUuid(p);
                    } else {
                        p.skipChildren();
                    }
                    int end = (int) p.currentLocation().getByteOffset();
                    if (isCanonical(json, start, end)) {
                        out.write(json, start, end - start);
                    } else {
                        reencode(factory, json, start, end, out);
                    }
                } else {
                    // A bare string or number in a list (never seen from Waldur): re-encode it in place.
                    try (JsonGenerator g = factory.createGenerator(out)) {
                        g.setRootValueSeparator(null);
                        copyValue(p, g, t);
                    }
                }
                out.write('\n');
                uuids.add(uuid);
                if (count == ends.length) {
                    ends = Arrays.copyOf(ends, 2 * count);
                }
                ends[count++] = out.size();
            }
            return new Buffer(out.buffer(), out.size(), count, uuids.toArray(new String[0]), Arrays.copyOf(ends, count));
        }
    }

    /** Skips the object the parser is at (its START_OBJECT read), returning its top-level {@code uuid} string. */
    private static String skipObjectKeepingUuid(JsonParser p) throws IOException {
        String uuid = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            boolean isUuid = uuid == null && "uuid".equals(p.currentName());
            JsonToken value = p.nextToken();
            if (value == null) {
                break;
            }
            if (isUuid && value == JsonToken.VALUE_STRING) {
                uuid = p.getText();
            } else if (value.isStructStart()) {
                p.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new JsonParseException(p, "Unexpected end-of-input within a list element");
        }
        return uuid;
    }

    /** Writes the one value in {@code json[start, end)} through a generator. */
    private static void reencode(JsonFactory factory, byte[] json, int start, int end, ByteArrayOutputStream out)
            throws IOException {
        try (JsonParser p = factory.createParser(json, start, end - start);
                JsonGenerator g = factory.createGenerator(out)) {
            g.setRootValueSeparator(null);
            copyValue(p, g, p.nextToken());
        }
    }

    /**
     * Whether {@code json[start, end)}, one value the parser has accepted, is byte for byte what the
     * generator writes for it: no whitespace outside strings, no escape sequences (the generator
     * writes an escaped {@code é} as raw UTF-8 and an escaped slash as {@code /}), and only numbers that
     * {@code BigDecimal} prints back unchanged (no exponent, no negative zero, no {@code 0.000000…}
     * that it would print as {@code 1E-7}). Anything doubtful answers false; re-encoding is always right.
     */
    static boolean isCanonical(byte[] json, int start, int end) {
        boolean inString = false;
        for (int i = start; i < end; i++) {
            byte b = json[i];
            if (inString) {
                if (b == '"') {
                    inString = false;
                } else if (b == '\\') {
                    return false;
                }
                continue;
            }
            if (b == '"') {
                inString = true;
            } else if (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
                return false;
            } else if (b == '-' || (b >= '0' && b <= '9')) {
                i = canonicalNumberEnd(json, i, end);
                if (i < 0) {
                    return false;
                }
                i--;
            }
        }
        return true;
    }

    /** The end of the number starting at {@code i}, or -1 if BigDecimal would not print it the same. */
    private static int canonicalNumberEnd(byte[] json, int i, int end) {
        boolean negative = json[i] == '-';
        int j = negative ? i + 1 : i;
        int intStart = j;
        while (j < end && json[j] >= '0' && json[j] <= '9') {
            j++;
        }
        boolean intZero = j - intStart == 1 && json[intStart] == '0';
        boolean fraction = false;
        boolean fractionZero = true;
        int leadingZeros = 0;
        if (j < end && json[j] == '.') {
            fraction = true;
            j++;
            while (j < end && json[j] >= '0' && json[j] <= '9') {
                if (json[j] != '0') {
                    fractionZero = false;
                } else if (fractionZero) {
                    leadingZeros++;
                }
                j++;
            }
        }
        if (j < end && (json[j] == 'e' || json[j] == 'E')) {
            return -1;
        }
        if (negative && intZero && fractionZero) {
            return -1;
        }
        if (intZero && fraction && leadingZeros >= 6) {
            return -1;
        }
        return j;
    }

    /** Copies the value starting at {@code t}, iteratively (no recursion on deep nesting). */
    private static void copyValue(JsonParser p, JsonGenerator g, JsonToken first) throws IOException {
        int depth = 0;
        JsonToken t = first;
        while (true) {
            if (t == null) {
                throw new JsonParseException(p, "Unexpected end-of-input within a list element");
            }
            switch (t) {
                case START_OBJECT -> {
                    g.writeStartObject();
                    depth++;
                }
                case START_ARRAY -> {
                    g.writeStartArray();
                    depth++;
                }
                case END_OBJECT -> {
                    g.writeEndObject();
                    depth--;
                }
                case END_ARRAY -> {
                    g.writeEndArray();
                    depth--;
                }
                case FIELD_NAME -> g.writeFieldName(p.currentName());
                case VALUE_STRING -> {
                    if (p.hasTextCharacters()) {
                        g.writeString(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                    } else {
                        g.writeString(p.getText());
                    }
                }
                case VALUE_NUMBER_INT -> {
                    switch (p.getNumberType()) {
                        case INT -> g.writeNumber(p.getIntValue());
                        case LONG -> g.writeNumber(p.getLongValue());
                        default -> g.writeNumber(p.getBigIntegerValue());
                    }
                }
                // Exact, as the tree reads it with USE_BIG_DECIMAL_FOR_FLOATS: never through double.
                case VALUE_NUMBER_FLOAT -> g.writeNumber(p.getDecimalValue());
                case VALUE_TRUE -> g.writeBoolean(true);
                case VALUE_FALSE -> g.writeBoolean(false);
                case VALUE_NULL -> g.writeNull();
                default -> throw new JsonParseException(p, "Unexpected token " + t + " in a list element");
            }
            if (depth == 0) {
                return;
            }
            t = p.nextToken();
        }
    }
}
