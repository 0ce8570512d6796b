package dev.tally.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A row that is stored as its serialized JSON tree; writers mutate {@link #node()} under the store's write lock. */
public final class JsonRow extends TreeRow {
    // Fields Waldur filters on but does not serialise (a project's modified); read by get(), never rendered.
    private ObjectNode hidden;

    JsonRow(ObjectNode node) {
        super(node);
    }

    ObjectNode node() {
        return node;
    }

    @Override
    public JsonNode get(String field) {
        JsonNode value = node.get(field);
        return value != null || hidden == null ? value : hidden.get(field);
    }

    /** Sets a field that filters see and responses do not show. */
    void setHidden(String field, String value) {
        if (hidden == null) {
            hidden = Json.NODES.objectNode();
        }
        hidden.put(field, value);
    }

    public String text(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
