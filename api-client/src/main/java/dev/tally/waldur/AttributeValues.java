package dev.tally.waldur;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Attribute and option values typed by hand ({@code is_industry=true}, {@code used_ai_tech=Deep Learning}):
 * text that reads as a JSON boolean, number, list, object or null is sent as that value, anything
 * else as text.
 */
public final class AttributeValues {
    private static final ObjectMapper JSON = WaldurJson.newMapper();

    private AttributeValues() {
    }

    /** The value to send for {@code raw}: a {@code Boolean}, number, {@code List}, {@code Map}, null, or {@code raw} itself. */
    public static Object of(String raw) {
        try {
            JsonNode node = JSON.readTree(raw);
            if (node != null && (node.isBoolean() || node.isNumber() || node.isArray() || node.isObject() || node.isNull())) {
                return JSON.treeToValue(node, Object.class);
            }
        } catch (Exception notJson) {
            // plain text
        }
        return raw;
    }
}
