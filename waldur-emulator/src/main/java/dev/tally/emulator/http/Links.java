package dev.tally.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.emulator.store.Json;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Turns stored link paths into absolute URLs on the request's origin, as DRF's HyperlinkedRelatedField does. */
final class Links {
    private Links() {
    }

    static JsonNode absolutize(JsonNode node, String origin) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (value.isTextual() && value.asText().startsWith("/api/")) {
                    field.setValue(Json.NODES.textNode(origin + value.asText()));
                } else if (value.isContainerNode()) {
                    absolutize(value, origin);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isTextual() && value.asText().startsWith("/api/")) {
                    array.set(i, Json.NODES.textNode(origin + value.asText()));
                } else if (value.isContainerNode()) {
                    absolutize(value, origin);
                }
            }
        }
        return node;
    }

    /** {@code ?field=a&field=b}: keep only those keys (Waldur's RestrictedSerializerMixin); no param keeps all. */
    static ObjectNode restrict(ObjectNode node, List<String> fields) {
        if (fields.isEmpty() || fields.stream().noneMatch(node::has)) {
            // RestrictedSerializerMixin drops unknown names; with none left it renders every field.
            return node;
        }
        node.retain(fields);
        return node;
    }

    /** The path of a hyperlink given on input, or null if it is not a URL on this API. */
    static String pathOf(String url) {
        if (url == null) {
            return null;
        }
        int api = url.indexOf("/api/");
        if (api < 0) {
            return null;
        }
        String path = url.substring(api);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }
}
