package dev.tally.waldur;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A typed answer together with the JSON it was read from, for callers that show objects as the
 * server sent them (fields this client does not model included) and work with the typed value
 * otherwise. The JSON stays inside the client: callers get text.
 */
public final class Received<T> {
    private final T value;
    private final Object json;
    private final ObjectMapper mapper;

    /** {@code json} is the tree (or list of trees) that {@code value} was read from. */
    Received(T value, Object json, ObjectMapper mapper) {
        this.value = value;
        this.json = json;
        this.mapper = mapper;
    }

    /** A value this client made or changed, shown the way it serialises (there is no received JSON to keep). */
    public static <T> Received<T> serialised(T value, ObjectMapper mapper) {
        return new Received<>(value, mapper.valueToTree(value), mapper);
    }

    public T value() {
        return value;
    }

    /** The answer as received, pretty-printed. */
    public String prettyJson() {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A top-level field of a single object as received: a string, number or boolean as its text, an
     * object or list as compact JSON, {@code null} as the text {@code -}; Java null when the object has
     * no such field (or the answer is a list).
     */
    public String fieldText(String name) {
        if (!(json instanceof JsonNode node)) {
            return null;
        }
        JsonNode v = node.get(name);
        if (v == null) {
            return null;
        }
        if (v.isNull()) {
            return "-";
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }
}
