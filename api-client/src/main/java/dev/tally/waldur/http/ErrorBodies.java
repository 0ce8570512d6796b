package dev.tally.waldur.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flattens the three DRF error shapes into one line: {@code {"detail": "…"}}, a field map
 * {@code {"limits": ["Invalid types: x"]}} and a bare list {@code ["Offering is not available."]}.
 */
public final class ErrorBodies {
    private static final int MAX_LENGTH = 300;

    private ErrorBodies() {
    }

    /** A one-line message for a response body; non-JSON bodies are shortened and described as such. */
    public static String describe(ObjectMapper mapper, String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        try {
            JsonNode node = mapper.readTree(body);
            List<String> parts = new ArrayList<>();
            collect(node, "", parts);
            String joined = String.join("; ", parts);
            return joined.isEmpty() ? shorten(body) : shorten(joined);
        } catch (Exception notJson) {
            return "non-JSON body: " + shorten(body.replaceAll("\\s+", " ").strip());
        }
    }

    /**
     * DRF's validation errors as field name to messages. A bare list (a {@code ValidationError} raised
     * outside a serializer) and {@code non_field_errors} both land under {@code non_field_errors};
     * {@code detail} lands under {@code detail}. Non-JSON bodies give an empty map.
     */
    public static Map<String, List<String>> fieldErrors(ObjectMapper mapper, String body) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (body == null || body.isBlank()) {
            return out;
        }
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (Exception notJson) {
            return out;
        }
        if (node == null) {
            return out;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                List<String> messages = new ArrayList<>();
                collect(e.getValue(), "", messages);
                out.put(e.getKey(), messages);
            });
        } else {
            List<String> messages = new ArrayList<>();
            collect(node, "", messages);
            out.put("non_field_errors", messages);
        }
        return out;
    }

    private static void collect(JsonNode node, String field, List<String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                String name = e.getKey().equals("detail") || e.getKey().equals("non_field_errors") ? "" : e.getKey();
                collect(e.getValue(), name, out);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                collect(item, field, out);
            }
        } else {
            String text = node.asText();
            out.add(field.isEmpty() ? text : field + ": " + text);
        }
    }

    private static String shorten(String text) {
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH) + "…";
    }
}
