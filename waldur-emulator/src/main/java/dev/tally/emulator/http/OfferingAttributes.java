package dev.tally.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.emulator.store.Json;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/** The offerings {@code attributes} filter: a JSON object; a list value means any of its items (OfferingFilter). */
final class OfferingAttributes {
    static final Filter FILTER = (param, values) -> {
        String raw = Filter.last(values);
        if (raw.isBlank()) {
            return null;
        }
        JsonNode wanted;
        try {
            wanted = Json.MAPPER.readTree(raw);
        } catch (IOException e) {
            throw ApiException.field(param, "Value must be valid JSON.");
        }
        if (wanted == null || !wanted.isObject()) {
            throw ApiException.field(param, "Value must be a JSON object.");
        }
        return row -> {
            JsonNode attributes = row.get("attributes");
            Iterator<Map.Entry<String, JsonNode>> fields = wanted.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode actual = attributes == null ? null : attributes.get(field.getKey());
                if (actual == null) {
                    return false;
                }
                boolean match = false;
                if (field.getValue().isArray()) {
                    for (JsonNode option : field.getValue()) {
                        match |= matches(actual, option);
                    }
                } else {
                    match = matches(actual, field.getValue());
                }
                if (!match) {
                    return false;
                }
            }
            return true;
        };
    };

    private OfferingAttributes() {
    }

    private static boolean matches(JsonNode actual, JsonNode wanted) {
        if (actual.isArray()) {
            for (JsonNode item : actual) {
                if (item.equals(wanted)) {
                    return true;
                }
            }
            return false;
        }
        return actual.equals(wanted);
    }
}
