package dev.tally.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.emulator.store.Json;
import dev.tally.emulator.store.JsonRow;
import dev.tally.emulator.store.OrderLifecycle;
import dev.tally.emulator.store.OrderType;
import dev.tally.emulator.store.PlanPeriods;
import dev.tally.emulator.store.ResourceEdits;
import dev.tally.emulator.store.ResourceState;
import dev.tally.emulator.store.Store;
import dev.tally.emulator.store.User;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * The resource write endpoints: PUT/PATCH, update_options, and the actions that submit an order (update_limits,
 * switch_plan, terminate), checked here and carried out by the store's {@link ResourceEdits} and
 * {@link OrderLifecycle}. Callers hold the write lock.
 */
final class ResourceRequests extends RowRequests {
    private final OrderLifecycle orders;
    private final ResourceEdits edits;

    ResourceRequests(Store store, OrderLifecycle orders) {
        super(store);
        this.orders = orders;
        this.edits = new ResourceEdits(store);
    }

    Response action(Request request, String rawUuid, String action) {
        JsonRow resource = find(RESOURCES, request, rawUuid);
        User user = request.user();
        ObjectNode body = request.jsonObject();
        return switch (action) {
            case "terminate" -> {
                requireActor(user, resource);
                requireState(resource, ResourceState.OK, ResourceState.ERRED);
                if (orders.hasOpenOrder(resource.uuid())) {
                    throw ApiException.bare("Pending order for resource already exists.");
                }
                ObjectNode attributes = body.get("attributes") instanceof ObjectNode a ? a.deepCopy()
                        : Json.NODES.objectNode();
                JsonRow order = orders.submit(OrderType.TERMINATE, resource, null, null, attributes, null, user);
                yield orderUuid(order);
            }
            case "update_limits" -> {
                requireActor(user, resource);
                requireState(resource, ResourceState.OK);
                if (!body.has("limits")) {
                    throw ApiException.field("limits", "This field is required.");
                }
                JsonRow offering = store.offerings().find(resource.text("offering_uuid")).orElseThrow();
                ObjectNode limits = OrderRequests.limits(body.get("limits"), offering);
                if (limits.equals(resource.get("limits"))) {
                    throw ApiException.bare("Limits are the same as the current ones.");
                }
                if (orders.hasOpenOrder(resource.uuid())) {
                    throw ApiException.bare("Pending order for resource already exists.");
                }
                ObjectNode attributes = Json.NODES.objectNode();
                attributes.set("old_limits", resource.get("limits").deepCopy());
                JsonRow order = orders.submit(OrderType.UPDATE, resource, currentPlan(resource), limits, attributes,
                        body.path("request_comment").asText(""), user);
                yield orderUuid(order);
            }
            case "switch_plan" -> {
                // ResourceViewSet: permission, then validators (state OK, no pending order), then the serializer.
                requireActor(user, resource);
                requireState(resource, ResourceState.OK);
                if (orders.hasOpenOrder(resource.uuid())) {
                    throw ApiException.bare("Pending order for resource already exists.");
                }
                JsonRow plan = switchPlan(resource, body.get("plan"));
                JsonRow order = orders.submit(OrderType.UPDATE, resource, plan, resource.get("limits").deepCopy(),
                        Json.NODES.objectNode(), null, user);
                yield orderUuid(order);
            }
            case "unlink" -> {
                // MarketplaceResourceViewSet.unlink: staff only; deletes the row without a backend operation.
                if (!user.staff()) {
                    throw ApiException.forbidden();
                }
                store.unlink(resource);
                yield Response.empty(204);
            }
            case "update_options" -> {
                requireActor(user, resource);
                yield updateOptions(resource, body);
            }
            default -> throw ApiException.detail(404, "Not found.");
        };
    }

    /**
     * ResourceSwitchPlanSerializer: {@code plan} is a public plan URL
     * ({@code /api/marketplace-public-offerings/<o>/plans/<p>/}, PublicPlanField) of the resource's own offering.
     */
    private JsonRow switchPlan(JsonRow resource, JsonNode value) {
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            throw ApiException.field("plan", "This field is required.");
        }
        java.util.regex.Matcher m = OrderRequests.PLAN_URL.matcher(value.asText());
        if (!m.matches()) {
            throw ApiException.field("plan", "Invalid hyperlink - Incorrect URL match.");
        }
        JsonRow plan = store.plan(m.group(2))
                .orElseThrow(() -> ApiException.field("plan", "Invalid hyperlink - Object does not exist."));
        String offering = store.offeringOfPlan(plan.uuid()).orElseThrow().uuid();
        if (!offering.equals(resource.text("offering_uuid"))) {
            throw ApiException.field("plan", "Plan is not available for this offering.");
        }
        return plan;
    }

    private JsonRow currentPlan(JsonRow resource) {
        return store.plan(resource.text("plan_uuid")).orElseThrow();
    }

    /** {@code GET /{uuid}/plan_periods/}: a bare array, not paginated (the view returns serializer.data). */
    Response planPeriods(Request request, String rawUuid) {
        JsonRow resource = find(RESOURCES, request, rawUuid);
        return Response.json(200, PlanPeriods.list(store, resource));
    }

    /** Shallow merge into resource.options after validation against offering.resource_options.options. */
    private Response updateOptions(JsonRow resource, ObjectNode body) {
        JsonRow offering = store.offerings().find(resource.text("offering_uuid")).orElseThrow();
        JsonNode declared = offering.get("resource_options").path("options");
        if (!declared.isObject() || declared.isEmpty()) {
            throw ApiException.bare("Metadata for resource options is not defined.");
        }
        JsonNode options = body.get("options");
        if (options == null || !options.isObject()) {
            throw ApiException.field("options", "This field is required.");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = options.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode spec = declared.get(field.getKey());
            if (spec == null) {
                continue;
            }
            validateOption(field.getKey(), field.getValue(), spec);
        }
        edits.mergeOptions(resource, (ObjectNode) options);
        ObjectNode status = Json.NODES.objectNode();
        status.put("status", "Resource options are submitted");
        return Response.json(200, status);
    }

    private static void validateOption(String key, JsonNode value, JsonNode spec) {
        String type = spec.path("type").asText();
        if (type.equals("boolean") && !value.isBoolean()) {
            throw ApiException.field(key, "Must be a valid boolean.");
        }
        if (type.equals("select_string_multi")) {
            if (!value.isArray()) {
                throw ApiException.field(key, "Expected a list of items but got type \""
                        + value.getNodeType().name().toLowerCase() + "\".");
            }
            for (JsonNode item : value) {
                boolean known = false;
                for (JsonNode choice : spec.path("choices")) {
                    known |= choice.asText().equals(item.asText());
                }
                if (!known) {
                    throw ApiException.field(key, "\"" + item.asText() + "\" is not a valid choice.");
                }
            }
        }
    }

    /** PUT/PATCH: name (required for PUT), description, end_date (not in the past); returns those three. */
    Response update(Request request, String rawUuid, boolean partial) {
        JsonRow resource = find(RESOURCES, request, rawUuid);
        User user = request.user();
        if (!user.staff() && !user.customerUuid().equals(resource.text("customer_uuid"))) {
            throw ApiException.forbidden();
        }
        ObjectNode body = request.jsonObject();
        if (!partial && !body.hasNonNull("name")) {
            throw ApiException.field("name", "This field is required.");
        }
        if (body.has("name")) {
            String name = body.get("name").asText();
            if (name.isBlank()) {
                throw ApiException.field("name", "This field may not be blank.");
            }
            if (name.length() > 150) {
                throw ApiException.field("name", "Ensure this field has no more than 150 characters.");
            }
        }
        String endDate = null;
        if (body.hasNonNull("end_date")) {
            try {
                LocalDate date = LocalDate.parse(body.get("end_date").asText());
                if (date.isBefore(LocalDate.ofInstant(store.now(), ZoneOffset.UTC))) {
                    throw ApiException.field("end_date", "Cannot be earlier than the current date.");
                }
                endDate = date.toString();
            } catch (DateTimeParseException e) {
                throw ApiException.field("end_date",
                        "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.");
            }
        }
        edits.edit(resource, new ResourceEdits.Edit(body.has("name") ? body.get("name").asText() : null,
                body.has("description") ? body.get("description").asText("") : null, body.has("end_date"), endDate));
        ObjectNode out = Json.NODES.objectNode();
        out.set("name", resource.get("name").deepCopy());
        out.set("description", resource.get("description").deepCopy());
        out.set("end_date", resource.get("end_date").deepCopy());
        return Response.json(200, out);
    }

    // Consumers (the project's organisation), the provider and staff may act on a resource.
    private static void requireActor(User user, JsonRow resource) {
        if (!Writes.actsFor(user, resource, "customer_uuid") && !Writes.actsFor(user, resource, "provider_uuid")) {
            throw ApiException.forbidden();
        }
    }

    private static void requireState(JsonRow resource, ResourceState... states) {
        for (ResourceState state : states) {
            if (state.is(resource)) {
                return;
            }
        }
        throw ApiException.wrongState(Arrays.stream(states).map(ResourceState::wire).toArray(String[]::new));
    }

    private static Response orderUuid(JsonRow order) {
        ObjectNode body = Json.NODES.objectNode();
        body.put("order_uuid", order.uuid());
        // 200, not 201 or 202 (docs/emulator.md, "Resources").
        return Response.json(200, body);
    }
}
