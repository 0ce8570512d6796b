package dev.tally.emulator.http;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.emulator.store.Json;
import dev.tally.emulator.store.Row;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A list page's JSON text, written straight from the rows' stored trees: the bytes that {@link Links#restrict} and
 * {@link Links#absolutize} on a copy of each row, then the shared mapper, give, without the copy or a tree per page
 * (docs/emulator.md, "Pages"). Runs under the store's read lock, since it reads the stored trees themselves.
 */
final class PageJson {
    private static final SerializerProvider PROVIDER = Json.MAPPER.getSerializerProviderInstance();

    private PageJson() {
    }

    /** {@code rows} as a JSON array, each restricted to {@code fields} and with its links on {@code origin}. */
    static byte[] encode(List<? extends Row> rows, List<String> fields, String origin) {
        ByteArrayBuilder out = new ByteArrayBuilder();
        try (JsonGenerator g = Json.MAPPER.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartArray();
            for (Row row : rows) {
                writeRow(g, row.view(), fields, origin);
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = out.toByteArray();
        out.release();
        return bytes;
    }

    /** The row's fields, only those named in {@code fields} when it has any of them ({@link Links#restrict}). */
    private static void writeRow(JsonGenerator g, ObjectNode row, List<String> fields, String origin) throws IOException {
        boolean restricted = !fields.isEmpty() && fields.stream().anyMatch(row::has);
        writeObject(g, row, restricted ? fields::contains : name -> true, origin);
    }

    /** The object's fields that {@code keep} accepts, in its order. */
    private static void writeObject(JsonGenerator g, ObjectNode object, Predicate<String> keep, String origin)
            throws IOException {
        g.writeStartObject();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (keep.test(field.getKey())) {
                g.writeFieldName(field.getKey());
                write(g, field.getValue(), origin);
            }
        }
        g.writeEndObject();
    }

    /** A stored link path; most values are UUIDs, names and times, told apart by their first character. */
    private static boolean isLink(String text) {
        return !text.isEmpty() && text.charAt(0) == '/' && text.startsWith("/api/");
    }

    /** One value, a stored link path written as a URL on {@code origin} at any depth ({@link Links#absolutize}). */
    private static void write(JsonGenerator g, JsonNode value, String origin) throws IOException {
        if (value instanceof ObjectNode object) {
            writeObject(g, object, name -> true, origin);
        } else if (value instanceof ArrayNode array) {
            g.writeStartArray();
            for (int i = 0; i < array.size(); i++) {
                write(g, array.get(i), origin);
            }
            g.writeEndArray();
        } else if (value.isTextual()) {
            String text = value.asText();
            g.writeString(isLink(text) ? origin + text : text);
        } else {
            value.serialize(g, PROVIDER);
        }
    }
}
