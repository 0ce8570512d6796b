package dev.tally.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Direct resource writes that need no order (docs/emulator.md, "Resources"): PUT/PATCH of name, description and
 * end date, and update_options. Callers hold the write lock and have checked the request.
 */
public final class ResourceEdits {
    private final Store store;

    public ResourceEdits(Store store) {
        this.store = store;
    }

    /**
     * The writable fields of a resource; a null {@code name} or {@code description} is left as it is, and
     * {@code endDate} is written (null clears it) only when {@code setsEndDate}.
     */
    public record Edit(String name, String description, boolean setsEndDate, String endDate) {
    }

    public void edit(JsonRow resource, Edit edit) {
        ObjectNode node = resource.node();
        if (edit.name() != null) {
            node.put("name", edit.name());
        }
        if (edit.description() != null) {
            node.put("description", edit.description());
        }
        if (edit.setsEndDate()) {
            if (edit.endDate() == null) {
                node.putNull("end_date");
            } else {
                node.put("end_date", edit.endDate());
            }
        }
        node.put("modified", Ids.timestamp(store.tick()));
    }

    /** A shallow merge of checked options into {@code resource.options}. */
    public void mergeOptions(JsonRow resource, ObjectNode options) {
        JsonNode current = resource.get("options");
        ObjectNode merged = current instanceof ObjectNode o ? o.deepCopy() : Json.NODES.objectNode();
        merged.setAll(options);
        resource.node().set("options", merged);
        resource.node().put("modified", Ids.timestamp(store.tick()));
    }
}
