package dev.tally.emulator.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.emulator.store.Ids;
import dev.tally.emulator.store.Json;
import dev.tally.emulator.store.JsonRow;
import dev.tally.emulator.store.ScriptDryRuns;
import dev.tally.emulator.store.Store;
import dev.tally.emulator.store.User;
import java.util.Set;

/**
 * Script dry run endpoints: {@code run} answers 200 {@code {"output"}} at once; {@code async_run} answers 202
 * {@code {"uuid"}} and the run, already done, is polled at {@code /api/marketplace-script-async-dry-run/{uuid}/}.
 */
final class DryRunRequests {
    private static final Set<String> TYPES = Set.of("Create", "Update", "Terminate", "Restore", "Pull");
    private final Store store;
    private final ScriptDryRuns dryRuns;

    DryRunRequests(Store store) {
        this.store = store;
        this.dryRuns = new ScriptDryRuns(store);
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
        if (action.equals("run")) {
            ObjectNode out = Json.NODES.objectNode();
            out.put("output", ScriptDryRuns.output(offering, type, attributes));
            return Response.json(200, out);
        }
        ObjectNode out = Json.NODES.objectNode();
        out.put("uuid", dryRuns.recordAsync(offering, type, attributes));
        return Response.json(202, out);
    }

    Response get(Request request, String rawUuid) {
        String uuid = Ids.normalizeUuid(rawUuid);
        JsonRow dryRun = dryRuns.find(uuid);
        if (dryRun == null || !Writes.actsFor(request.user(), dryRun, "owner_customer_uuid")) {
            throw ApiException.notFound("DryRun");
        }
        ObjectNode node = dryRun.render();
        node.remove("owner_customer_uuid");
        return Response.json(200, Links.absolutize(node, request.origin()));
    }

    Response list(Request request) {
        ArrayNode out = Json.NODES.arrayNode();
        for (JsonRow dryRun : dryRuns.all()) {
            if (Writes.actsFor(request.user(), dryRun, "owner_customer_uuid")) {
                ObjectNode node = dryRun.render();
                node.remove("owner_customer_uuid");
                out.add(Links.absolutize(node, request.origin()));
            }
        }
        return Response.json(200, out).header("X-Result-Count", Integer.toString(out.size()));
    }
}
