package dev.tally.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.emulator.store.Json;
import dev.tally.emulator.store.JsonRow;
import dev.tally.emulator.store.OrderLifecycle;
import dev.tally.emulator.store.OrderState;
import dev.tally.emulator.store.OrderType;
import dev.tally.emulator.store.Store;
import dev.tally.emulator.store.User;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The order endpoints: parse and check a request (lookup 404, actor 403, state 409, body 400), then hand the
 * transition to the store's {@link OrderLifecycle} and answer. Callers hold the write lock.
 */
final class OrderRequests extends RowRequests {
    static final Pattern PLAN_URL =
            Pattern.compile(".*/api/marketplace-public-offerings/([a-f0-9]+)/plans/([a-f0-9]+)/?");

    private final OrderLifecycle lifecycle;

    OrderRequests(Store store, OrderLifecycle lifecycle) {
        super(store);
        this.lifecycle = lifecycle;
    }

    /** {@code POST /api/marketplace-orders/}: 201 with Location and the OrderDetails body. */
    Response create(Request request) {
        ObjectNode body = request.jsonObject();
        User user = request.user();
        String projectUuid = Writes.uuidFromUrl("project", body.get("project"), "/api/projects/");
        JsonRow project = store.projects().find(projectUuid)
                .filter(p -> PROJECTS.visible().test(user, p) && !p.get("is_removed").asBoolean())
                .orElseThrow(() -> ApiException.field("project", "Invalid hyperlink - Object does not exist."));
        String offeringUuid = Writes.uuidFromUrl("offering", body.get("offering"),
                "/api/marketplace-public-offerings/");
        JsonRow offering = store.offerings().find(offeringUuid)
                .orElseThrow(() -> ApiException.field("offering", "Invalid hyperlink - Object does not exist."));
        String type = body.path("type").asText(OrderType.CREATE.wire());
        if (!type.equals(OrderType.CREATE.wire())) {
            throw ApiException.field("type", "Only Create orders are submitted here; use the resource actions.");
        }
        if (!"Active".equals(offering.text("state"))) {
            throw ApiException.bare("Offering is not available.");
        }
        JsonRow plan = plan(body.get("plan"), offering);
        ObjectNode limits = limits(body.get("limits"), offering);
        String startDate = startDate(body.get("start_date"));
        ObjectNode attributes = body.get("attributes") instanceof ObjectNode a ? a.deepCopy() : Json.NODES.objectNode();
        JsonRow order = lifecycle.create(project, offering, plan, limits, attributes, startDate, user);
        return Writes.created(request, order);
    }

    Response action(Request request, String rawUuid, String action) {
        JsonRow order = find(ORDERS, request, rawUuid);
        User user = request.user();
        ObjectNode body = request.jsonObject();
        switch (action) {
            case "approve_by_consumer" -> {
                requireActor(user, order, "customer_uuid");
                requireState(order, OrderState.PENDING_CONSUMER);
                lifecycle.approveByConsumer(order, user);
                return detail("Order has been approved by consumer.");
            }
            case "approve_by_provider" -> {
                requireActor(user, order, "provider_uuid");
                requireState(order, OrderState.PENDING_PROVIDER);
                lifecycle.approveByProvider(order, user);
                // 8.0.5 declares OrderInfoResponse {"detail"}; the 2024 code sent an empty 200.
                return detail("Order has been approved by provider.");
            }
            case "reject_by_consumer" -> {
                requireActor(user, order, "customer_uuid");
                requireState(order, OrderState.PENDING_CONSUMER);
                lifecycle.rejectByConsumer(order, user, body.path("consumer_rejection_comment").asText(""),
                        body.hasNonNull("error_message") ? body.get("error_message").asText() : null);
            }
            case "reject_by_provider" -> {
                requireActor(user, order, "provider_uuid");
                requireState(order, OrderState.PENDING_PROVIDER);
                lifecycle.rejectByProvider(order, user, body.path("provider_rejection_comment").asText(""));
            }
            case "cancel" -> {
                requireActor(user, order, "customer_uuid");
                requireState(order, OrderState.PENDING_CONSUMER, OrderState.PENDING_PROVIDER);
                lifecycle.cancel(order);
                return Response.empty(202);
            }
            case "set_state_done" -> {
                requireActor(user, order, "provider_uuid");
                requireState(order, OrderState.EXECUTING);
                lifecycle.setDone(order);
            }
            case "set_state_erred" -> {
                requireActor(user, order, "provider_uuid");
                requireState(order, OrderState.EXECUTING);
                lifecycle.setErred(order, body.path("error_message").asText(""));
            }
            default -> throw ApiException.detail(404, "Not found.");
        }
        return Response.empty(200);
    }

    private static Response detail(String message) {
        ObjectNode body = Json.NODES.objectNode();
        body.put("detail", message);
        return Response.json(200, body);
    }

    /** {@code DELETE /api/marketplace-orders/{uuid}/}: only while pending. */
    Response delete(Request request, String rawUuid) {
        JsonRow order = find(ORDERS, request, rawUuid);
        requireActor(request.user(), order, "customer_uuid");
        requireState(order, OrderState.PENDING_CONSUMER, OrderState.PENDING_PROVIDER);
        // OrderViewSet.destroy deletes the row (ActionsViewSet.perform_destroy); it does not cancel it.
        store.deleteOrder(order);
        return Response.empty(204);
    }

    private static void requireActor(User user, JsonRow order, String customerField) {
        if (!Writes.actsFor(user, order, customerField)) {
            throw ApiException.forbidden();
        }
    }

    private static void requireState(JsonRow order, OrderState... states) {
        OrderState current = OrderState.of(order);
        for (OrderState state : states) {
            if (state == current) {
                return;
            }
        }
        throw ApiException.wrongState(java.util.Arrays.stream(states).map(OrderState::wire).toArray(String[]::new));
    }

    /**
     * {@code PUT/PATCH /api/marketplace-orders/{uuid}/} (8.0.5 OrderUpdate): {@code limits}, {@code attributes} and
     * {@code start_date} are writable, none is required, so PUT and PATCH behave alike. Permission ORDER.APPROVE on the
     * project or its customer (the consumer side; the provider gets 403). Only pending orders change (inferred: 409
     * otherwise).
     */
    Response update(Request request, String rawUuid) {
        JsonRow order = find(ORDERS, request, rawUuid);
        requireActor(request.user(), order, "customer_uuid");
        requireState(order, OrderState.PENDING_CONSUMER, OrderState.PENDING_PROVIDER, OrderState.PENDING_PROJECT,
                OrderState.PENDING_START_DATE);
        ObjectNode body = request.jsonObject();
        JsonRow offering = store.offerings().find(order.text("offering_uuid")).orElseThrow();
        ObjectNode limits = body.has("limits") ? limits(body.get("limits"), offering) : null;
        String startDate = startDate(body.get("start_date"));
        lifecycle.update(order, new OrderLifecycle.Edit(limits, body.get("attributes"), body.has("start_date"),
                startDate));
        ObjectNode out = Json.NODES.objectNode();
        out.set("limits", order.get("limits").deepCopy());
        out.set("attributes", order.get("attributes").deepCopy());
        out.set("start_date", order.get("start_date"));
        return Response.json(200, out);
    }

    /** An optional {@code start_date} (DateField, null allowed): {@code YYYY-MM-DD} or null. */
    private static String startDate(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return LocalDate.parse(value.asText()).toString();
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.field("start_date",
                    "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.");
        }
    }

    JsonRow plan(JsonNode value, JsonRow offering) {
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            if (offering.get("plans").size() > 0) {
                throw ApiException.field("plan", "This field is required.");
            }
            return null;
        }
        Matcher m = PLAN_URL.matcher(value.asText());
        if (!m.matches()) {
            throw ApiException.field("plan", "Invalid hyperlink - Incorrect URL match.");
        }
        JsonRow plan = store.plan(m.group(2))
                .orElseThrow(() -> ApiException.field("plan", "Invalid hyperlink - Object does not exist."));
        JsonRow owner = store.offeringOfPlan(plan.uuid()).orElseThrow();
        if (!owner.uuid().equals(offering.uuid()) || !m.group(1).equals(offering.uuid())) {
            throw ApiException.field("plan", "This plan is not available for selected offering.");
        }
        return plan;
    }

    /** Only limit-billed components accept limits; values are non-negative integers (docs/emulator.md, "Cost"). */
    static ObjectNode limits(JsonNode value, JsonRow offering) {
        ObjectNode limits = Json.NODES.objectNode();
        if (value == null || value.isNull()) {
            return limits;
        }
        if (!value.isObject()) {
            throw ApiException.field("limits", "Expected a dictionary of items but got type \""
                    + value.getNodeType().name().toLowerCase() + "\".");
        }
        List<String> limitTypes = new ArrayList<>();
        for (JsonNode component : offering.get("components")) {
            if ("limit".equals(component.path("billing_type").asText())) {
                limitTypes.add(component.get("type").asText());
            }
        }
        List<String> invalid = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!limitTypes.contains(field.getKey())) {
                invalid.add(field.getKey());
                continue;
            }
            JsonNode amount = field.getValue();
            if (!amount.canConvertToExactIntegral() || amount.decimalValue().signum() < 0) {
                throw ApiException.field("limits", "A valid integer is required.");
            }
            limits.put(field.getKey(), amount.decimalValue().longValueExact());
        }
        if (!invalid.isEmpty()) {
            throw ApiException.field("limits", "Invalid types: " + String.join(", ", invalid));
        }
        return limits;
    }
}
