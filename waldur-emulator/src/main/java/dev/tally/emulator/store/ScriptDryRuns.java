package dev.tally.emulator.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Dry runs of a Marketplace.Script offering's provisioning script (docs/emulator.md, "Script dry runs"). The
 * emulator runs no script: the output names the order type, offering and attributes, and an asynchronous run is
 * already done when it is first polled. Callers of {@link #recordAsync} hold the write lock.
 */
public final class ScriptDryRuns {
    private final Store store;

    public ScriptDryRuns(Store store) {
        this.store = store;
    }

    public static String output(JsonRow offering, String type, ObjectNode attributes) {
        return "Dry run of " + type + " for offering " + offering.text("name") + " with attributes " + attributes;
    }

    /** Records an async_run, in state 3 (done); returns its UUID. */
    public String recordAsync(JsonRow offering, String type, ObjectNode attributes) {
        String runUuid = store.newUuid();
        ObjectNode dryRun = Json.NODES.objectNode();
        dryRun.put("url", "/api/marketplace-script-async-dry-run/" + runUuid + "/");
        dryRun.put("uuid", runUuid);
        dryRun.set("order_attributes", attributes);
        dryRun.put("order_type", type);
        dryRun.put("order_offering", offering.text("url"));
        dryRun.put("state", 3);
        dryRun.put("get_state_display", "done");
        dryRun.put("output", output(offering, type, attributes));
        dryRun.put("created", Ids.timestamp(store.tick()));
        dryRun.put("owner_customer_uuid", offering.text("customer_uuid"));
        store.dryRuns().put(runUuid, new JsonRow(dryRun));
        return runUuid;
    }

    public JsonRow find(String uuid) {
        return uuid == null ? null : store.dryRuns().get(uuid);
    }

    public List<JsonRow> all() {
        return new ArrayList<>(store.dryRuns().values());
    }
}
