package dev.tally.emulator.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.emulator.store.Ids;
import dev.tally.emulator.store.Json;
import dev.tally.emulator.store.JsonRow;
import dev.tally.emulator.store.Store;
import dev.tally.emulator.store.User;
import java.util.Set;

/**
 * Script dry runs (CONTRACT §7.9): {@code run} answers 200 {@code {"output"}} at once; {@code async_run} answers 202
 * {@code {"uuid"}} and the run, already done, is polled at {@code /api/marketplace-script-async-dry-run/{uuid}/}.
 */
final class DryRuns {
    private static final Set<String> TYPES = Set.of("Create", "Update", "Terminate", "Restore", "Pull");
    private final Store store;

    DryRuns(Store store) {
        this.store = store;
    }

    Response run(Request request, String rawUuid, String action) {
        if (!action.equals("run") && !action.equals("async_run")) {
            throw ApiException.detail(404, "Not found.");
        }
        String uuid = Ids.normalizeUuid(rawUuid);
        JsonRow offering = uuid == null ? null : store.offerings().find(uuid)
                .filter(o -> "Marketplace.Script".equals(o.text("type"))).orElse(null);
        if (offering == null) {
            throw ApiException.notFound("Offering");
        }
        User user = request.user();
        if (!Writes.actsFor(user, offering, "customer_uuid")) {
            throw ApiException.forbidden();
        }
        ObjectNode body = request.jsonObject();
        String type = body.path("type").asText("Create");
        if (!TYPES.contains(type)) {
            throw ApiException.field("type", "\"" + type + "\" is not a valid choice.");
        }
        ObjectNode attributes = body.get("attributes") instanceof ObjectNode a ? a.deepCopy() : Json.NODES.objectNode();
        String output = "Dry run of " + type + " for offering " + offering.text("name") + " with attributes "
                + attributes;
        if (action.equals("run")) {
            ObjectNode out = Json.NODES.objectNode();
            out.put("output", output);
            return Response.json(200, out);
        }
        String runUuid = store.newUuid();
        ObjectNode dryRun = Json.NODES.objectNode();
        dryRun.put("url", "/api/marketplace-script-async-dry-run/" + runUuid + "/");
        dryRun.put("uuid", runUuid);
        dryRun.set("order_attributes", attributes);
        dryRun.put("order_type", type);
        dryRun.put("order_offering", offering.text("url"));
        // The emulator runs the script at once, so the first poll already sees state 3 (done).
        dryRun.put("state", 3);
        dryRun.put("get_state_display", "done");
        dryRun.put("output", output);
        dryRun.put("created", Ids.timestamp(store.tick()));
        dryRun.put("owner_customer_uuid", offering.text("customer_uuid"));
        store.dryRuns().put(runUuid, new JsonRow(dryRun));
        ObjectNode out = Json.NODES.objectNode();
        out.put("uuid", runUuid);
        return Response.json(202, out);
    }

    Response get(Request request, String rawUuid) {
        String uuid = Ids.normalizeUuid(rawUuid);
        JsonRow dryRun = uuid == null ? null : store.dryRuns().get(uuid);
        if (dryRun == null || !Writes.actsFor(request.user(), dryRun, "owner_customer_uuid")) {
            throw ApiException.notFound("DryRun");
        }
        ObjectNode node = dryRun.node().deepCopy();
        node.remove("owner_customer_uuid");
        return Writes.json(200, request, node);
    }

    Response list(Request request) {
        ArrayNode out = Json.NODES.arrayNode();
        for (JsonRow dryRun : store.dryRuns().values()) {
            if (Writes.actsFor(request.user(), dryRun, "owner_customer_uuid")) {
                ObjectNode node = dryRun.node().deepCopy();
                node.remove("owner_customer_uuid");
                out.add(Links.absolutize(node, request.origin()));
            }
        }
        return Response.json(200, out).header("X-Result-Count", Integer.toString(out.size()));
    }
}
