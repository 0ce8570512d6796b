package dev.tally.waldur.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Re-encodes the elements of a JSON array as JSON lines with a streaming parser and generator, never
 * building a tree. The output is byte for byte what Jackson writes for the same elements read as
 * {@code JsonNode}s by {@code WaldurJson.newMapper()} (compact, same string escaping, integers by
 * value, decimals as {@code BigDecimal} with their trailing zeros), so snapshots do not depend on
 * which path wrote them. Only duplicate keys differ: a tree keeps the last value, this keeps both
 * (no Waldur object has any).
 */
final class JsonLines {
    private JsonLines() {
    }

    /** The lines written into {@code bytes[0, length)} and how many elements they hold. */
    record Buffer(byte[] bytes, int length, int count) {
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
     */
    static Buffer copyArray(JsonFactory factory, byte[] json) throws IOException {
        try (JsonParser p = factory.createParser(json)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            // Compact input gives output of about the same size: one newline per element instead of a comma.
            Bytes out = new Bytes(json.length + 64);
            int count = 0;
            try (JsonGenerator g = factory.createGenerator(out)) {
                g.setRootValueSeparator(null);
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    copyValue(p, g, t);
                    g.writeRaw('\n');
                    count++;
                }
            }
            return new Buffer(out.buffer(), out.size(), count);
        }
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
