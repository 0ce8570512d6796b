package dev.tally.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.emulator.store.Cost;
import dev.tally.emulator.store.Ids;
import dev.tally.emulator.store.Json;
import dev.tally.emulator.store.JsonRow;
import dev.tally.emulator.store.Records;
import dev.tally.emulator.store.Store;
import dev.tally.emulator.store.User;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders and their state machine (CONTRACT §7.6): pending-consumer → pending-provider → executing → done, with
 * rejection and cancellation, and the resource changes that done orders make. Callers hold the write lock.
 */
public final class OrderWorkflow {
    static final Pattern PLAN_URL =
            Pattern.compile(".*/api/marketplace-public-offerings/([a-f0-9]+)/plans/([a-f0-9]+)/?");

    private final Store store;
    private final Duration processingDelay;
    private final ScheduledExecutorService scheduler;
    private final Collection orders = Collections.orders();
    private final Collection projects = Collections.projects();

    public OrderWorkflow(Store store, Duration processingDelay, ScheduledExecutorService scheduler) {
        this.store = store;
        this.processingDelay = processingDelay;
        this.scheduler = scheduler;
    }

    /** {@code POST /api/marketplace-orders/}: 201 with Location and the OrderDetails body. */
    Response create(Request request) {
        ObjectNode body = request.jsonObject();
        User user = request.user();
        String projectUuid = Writes.uuidFromUrl("project", body.get("project"), "/api/projects/");
        JsonRow project = store.projects().find(projectUuid)
                .filter(p -> projects.visible().test(user, p) && !p.get("is_removed").asBoolean())
                .orElseThrow(() -> ApiException.field("project", "Invalid hyperlink - Object does not exist."));
        String offeringUuid = Writes.uuidFromUrl("offering", body.get("offering"),
                "/api/marketplace-public-offerings/");
        JsonRow offering = store.offerings().find(offeringUuid)
                .orElseThrow(() -> ApiException.field("offering", "Invalid hyperlink - Object does not exist."));
        String type = body.path("type").asText("Create");
        if (!type.equals("Create")) {
            throw ApiException.field("type", "Only Create orders are submitted here; use the resource actions.");
        }
        if (!"Active".equals(offering.text("state"))) {
            throw ApiException.bare("Offering is not available.");
        }
        JsonRow plan = plan(body.get("plan"), offering);
        ObjectNode limits = limits(body.get("limits"), offering);
        String startDate = startDate(body.get("start_date"));
        ObjectNode attributes = body.get("attributes") instanceof ObjectNode a ? a.deepCopy() : Json.NODES.objectNode();
        String name = attributes.path("name").asText(offering.text("name"));
        ObjectNode options = Json.NODES.objectNode();
        JsonNode declared = offering.get("resource_options").path("options");
        // Waldur copies order attributes that are declared resource options into resource.options.
        attributes.fields().forEachRemaining(e -> {
            if (declared.has(e.getKey())) {
                options.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        String created = Ids.timestamp(store.tick());
        String resourceUuid = store.newUuid();
        JsonRow resource = new JsonRow(Records.resource(new Records.ResourceSpec(resourceUuid, name, project, offering,
                plan, limits, attributes, options, created, "")));
        store.resources().add(resource);
        JsonRow order = new JsonRow(Records.order(new Records.OrderSpec(store.newUuid(), "Create", project, offering,
                plan, limits, attributes, created, resourceUuid, name, user, null)));
        if (startDate != null) {
            order.node().put("start_date", startDate);
        }
        store.orders().add(order);
        start(order, user);
        return Writes.json(201, request, order.node())
                .header("Location", request.origin() + order.text("url"));
    }

    /** A new Update or Terminate order for an existing resource, started as create would; returns it. */
    JsonRow submit(String type, JsonRow resource, JsonNode limits, ObjectNode attributes, User user) {
        JsonRow plan = type.equals("Terminate") ? null : store.plan(resource.text("plan_uuid")).orElseThrow();
        return submit(type, resource, plan, limits, attributes, user);
    }

    /** As {@link #submit(String, JsonRow, JsonNode, ObjectNode, User)} with an explicit (new) plan, e.g. switch_plan. */
    JsonRow submit(String type, JsonRow resource, JsonRow plan, JsonNode limits, ObjectNode attributes, User user) {
        JsonRow project = store.projects().find(resource.text("project_uuid")).orElseThrow();
        JsonRow offering = store.offerings().find(resource.text("offering_uuid")).orElseThrow();
        JsonRow oldPlan = store.plan(resource.text("plan_uuid")).orElseThrow();
        BigDecimal oldCost = Cost.estimate(offering.node(), oldPlan.node(), resource.get("limits"));
        JsonRow order = new JsonRow(Records.order(new Records.OrderSpec(store.newUuid(), type, project, offering, plan,
                limits, attributes, Ids.timestamp(store.tick()), resource.uuid(), resource.text("name"), user,
                oldCost)));
        if (plan != null) {
            order.node().put("old_plan_name", oldPlan.text("name"));
            order.node().put("old_plan_uuid", oldPlan.uuid());
        }
        store.orders().add(order);
        start(order, user);
        return order;
    }

    /** A pending (non-terminal) order for the resource, if any: Waldur refuses a second one. */
    boolean hasPendingOrder(String resourceUuid) {
        for (JsonRow order : store.orders().rows()) {
            if (resourceUuid.equals(order.text("marketplace_resource_uuid"))) {
                String state = order.text("state");
                if (state.startsWith("pending") || state.equals("executing")) {
                    return true;
                }
            }
        }
        return false;
    }

    Response action(Request request, String rawUuid, String action) {
        JsonRow order = find(request, rawUuid);
        User user = request.user();
        ObjectNode body = request.jsonObject();
        switch (action) {
            case "approve_by_consumer" -> {
                requireActor(user, order, "customer_uuid");
                requireState(order, "pending-consumer");
                reviewByConsumer(order, user);
                afterConsumer(order, user);
                return detail("Order has been approved by consumer.");
            }
            case "approve_by_provider" -> {
                requireActor(user, order, "provider_uuid");
                requireState(order, "pending-provider");
                reviewByProvider(order, user);
                execute(order);
                // 8.0.5 declares OrderInfoResponse {"detail"}; the 2024 code sent an empty 200.
                return detail("Order has been approved by provider.");
            }
            case "reject_by_consumer" -> {
                requireActor(user, order, "customer_uuid");
                requireState(order, "pending-consumer");
                reviewByConsumer(order, user);
                order.node().put("consumer_rejection_comment", body.path("consumer_rejection_comment").asText(""));
                if (body.hasNonNull("error_message")) {
                    order.node().put("error_message", body.get("error_message").asText());
                }
                reject(order);
            }
            case "reject_by_provider" -> {
                requireActor(user, order, "provider_uuid");
                requireState(order, "pending-provider");
                reviewByProvider(order, user);
                order.node().put("provider_rejection_comment", body.path("provider_rejection_comment").asText(""));
                reject(order);
            }
            case "cancel" -> {
                requireActor(user, order, "customer_uuid");
                requireState(order, "pending-consumer", "pending-provider");
                finish(order, "canceled");
                if (order.text("type").equals("Create")) {
                    setResourceState(order, "Terminated");
                }
                return Response.empty(202);
            }
            case "set_state_done" -> {
                requireActor(user, order, "provider_uuid");
                requireState(order, "executing");
                complete(order);
            }
            case "set_state_erred" -> {
                requireActor(user, order, "provider_uuid");
                requireState(order, "executing");
                order.node().put("error_message", body.path("error_message").asText(""));
                finish(order, "erred");
                setResourceState(order, "Erred");
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
        JsonRow order = find(request, rawUuid);
        requireActor(request.user(), order, "customer_uuid");
        requireState(order, "pending-consumer", "pending-provider");
        finish(order, "canceled");
        if (order.text("type").equals("Create")) {
            setResourceState(order, "Terminated");
        }
        return Response.empty(204);
    }

    private JsonRow find(Request request, String rawUuid) {
        String uuid = Ids.normalizeUuid(rawUuid);
        if (uuid == null) {
            throw ApiException.detail(404, "Not found.");
        }
        return store.orders().find(uuid).filter(o -> orders.visible().test(request.user(), o))
                .orElseThrow(() -> ApiException.notFound("Order"));
    }

    private static void requireActor(User user, JsonRow order, String customerField) {
        if (!Writes.actsFor(user, order, customerField)) {
            throw ApiException.forbidden();
        }
    }

    private static void requireState(JsonRow order, String... states) {
        for (String state : states) {
            if (state.equals(order.text("state"))) {
                return;
            }
        }
        throw ApiException.wrongState(states);
    }

    /** Staff and orders inside the provider's own organisation (auto_approve_in_service_provider_projects) skip consumer review. */
    private void start(JsonRow order, User user) {
        boolean ownProvider = order.text("customer_uuid").equals(order.text("provider_uuid"))
                && order.get("offering_plugin_options").path("auto_approve_in_service_provider_projects").asBoolean();
        if (user.staff() || ownProvider) {
            reviewByConsumer(order, user);
            afterConsumer(order, user);
        }
    }

    /**
     * After consumer review (views.approve_by_consumer, tasks.continue_order_processing): a project whose start_date is
     * still in the future parks the order in pending-project; otherwise provider review comes next (Marketplace.Basic
     * and Slurm always need it: utils.order_should_not_be_reviewed_by_provider); an order that skips provider review
     * but has its own future start_date waits in pending-start-date; anything else executes.
     */
    private void afterConsumer(JsonRow order, User user) {
        JsonRow project = store.projects().find(order.text("project_uuid")).orElse(null);
        if (project != null && isFuture(project.text("start_date"))) {
            setState(order, "pending-project");
            return;
        }
        continueProcessing(order, user);
    }

    private void continueProcessing(JsonRow order, User user) {
        String offeringType = order.text("offering_type");
        boolean ownProvider = order.text("customer_uuid").equals(order.text("provider_uuid"))
                && order.get("offering_plugin_options").path("auto_approve_in_service_provider_projects").asBoolean();
        boolean providerReview = offeringType.equals("Marketplace.Basic") || offeringType.equals("Marketplace.Slurm");
        if (providerReview && !ownProvider) {
            setState(order, "pending-provider");
            return;
        }
        if (isFuture(order.text("start_date"))) {
            setState(order, "pending-start-date");
            return;
        }
        reviewByProvider(order, user);
        execute(order);
    }

    private boolean isFuture(String date) {
        return date != null && LocalDate.parse(date.substring(0, 10)).isAfter(today());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(store.now(), ZoneOffset.UTC);
    }

    /**
     * Waldur's periodic process_pending_project_orders, run when a project's start_date changes: once the project has
     * started (start_date ≤ today; a null start_date does not count), its pending-project orders continue.
     */
    void projectDatesChanged(String projectUuid) {
        JsonRow project = store.projects().find(projectUuid).orElse(null);
        String start = project == null ? null : project.text("start_date");
        if (start == null || isFuture(start)) {
            return;
        }
        for (JsonRow order : List.copyOf(store.orders().rows())) {
            if (projectUuid.equals(order.text("project_uuid")) && "pending-project".equals(order.text("state"))) {
                User creator = store.userByName(order.text("created_by_username")).orElse(null);
                continueProcessing(order, creator == null ? store.usersByName().get("staff") : creator);
            }
        }
    }

    /**
     * {@code PUT/PATCH /api/marketplace-orders/{uuid}/} (8.0.5 OrderUpdate): {@code limits}, {@code attributes} and
     * {@code start_date} are writable, none is required, so PUT and PATCH behave alike. Permission ORDER.APPROVE on the
     * project or its customer (the consumer side; the provider gets 403). Only pending orders change (inferred: 409
     * otherwise). New limits re-run init_cost, so {@code cost} and {@code new_cost_estimate} follow. An order in
     * pending-start-date whose start_date becomes today or earlier executes, as Waldur's daily
     * process_pending_start_date_orders would do.
     */
    Response update(Request request, String rawUuid) {
        JsonRow order = find(request, rawUuid);
        requireActor(request.user(), order, "customer_uuid");
        requireState(order, "pending-consumer", "pending-provider", "pending-project", "pending-start-date");
        ObjectNode body = request.jsonObject();
        JsonRow offering = store.offerings().find(order.text("offering_uuid")).orElseThrow();
        ObjectNode limits = body.has("limits") ? limits(body.get("limits"), offering) : null;
        String startDate = startDate(body.get("start_date"));
        ObjectNode node = order.node();
        if (limits != null) {
            node.set("limits", limits);
            BigDecimal cost = Cost.orderCost(order.text("type"), offering.node(),
                    store.plan(order.text("plan_uuid")).map(JsonRow::node).orElse(null), limits);
            node.put("cost", cost == null ? null : Ids.decimal10(cost));
            node.put("new_cost_estimate", cost == null ? null : Ids.decimal10(cost));
        }
        if (body.has("attributes")) {
            node.set("attributes", body.get("attributes").deepCopy());
        }
        if (body.has("start_date")) {
            node.put("start_date", startDate);
        }
        node.put("modified", Ids.timestamp(store.tick()));
        if ("pending-start-date".equals(order.text("state")) && startDate != null && !isFuture(startDate)) {
            execute(order);
        }
        ObjectNode out = Json.NODES.objectNode();
        out.set("limits", node.get("limits").deepCopy());
        out.set("attributes", node.get("attributes").deepCopy());
        out.set("start_date", node.get("start_date"));
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

    private void reviewByConsumer(JsonRow order, User user) {
        ObjectNode node = order.node();
        node.put("consumer_reviewed_by", user.username());
        node.put("consumer_reviewed_by_full_name", user.fullName());
        node.put("consumer_reviewed_by_username", user.username());
        node.put("consumer_reviewed_at", Ids.timestamp(store.tick()));
    }

    private void reviewByProvider(JsonRow order, User user) {
        ObjectNode node = order.node();
        node.put("provider_reviewed_by", user.username());
        node.put("provider_reviewed_by_full_name", user.fullName());
        node.put("provider_reviewed_by_username", user.username());
        node.put("provider_reviewed_at", Ids.timestamp(store.tick()));
    }

    private void execute(JsonRow order) {
        setState(order, "executing");
        switch (order.text("type")) {
            case "Update" -> setResourceState(order, "Updating");
            case "Terminate" -> setResourceState(order, "Terminating");
            default -> { }
        }
        if (processingDelay.isZero() || scheduler == null) {
            complete(order);
            return;
        }
        scheduler.schedule(() -> {
            var lock = store.writeLock();
            lock.lock();
            try {
                if ("executing".equals(order.text("state"))) {
                    complete(order);
                }
            } finally {
                lock.unlock();
            }
        }, processingDelay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Basic offerings complete at once after provider approval: the order is done and the resource follows it. */
    private void complete(JsonRow order) {
        finish(order, "done");
        JsonRow resource = store.resources().find(order.text("marketplace_resource_uuid")).orElseThrow();
        ObjectNode node = resource.node();
        switch (order.text("type")) {
            case "Create", "Update" -> {
                node.set("limits", order.get("limits").deepCopy());
                if (order.text("plan_uuid") != null && !order.text("plan_uuid").equals(node.path("plan_uuid").asText())) {
                    // switch_plan: the resource moves to the order's plan.
                    JsonRow plan = store.plan(order.text("plan_uuid")).orElseThrow();
                    node.put("plan", plan.text("url"));
                    node.put("plan_uuid", plan.uuid());
                    node.put("plan_name", plan.text("name"));
                    node.put("plan_unit", plan.text("unit"));
                    node.put("plan_description", plan.text("description"));
                }
                node.put("state", "OK");
                node.put("can_terminate", true);
            }
            case "Terminate" -> {
                node.put("state", "Terminated");
                node.put("can_terminate", false);
                node.put("end_date", LocalDate.ofInstant(store.now(), ZoneOffset.UTC).toString());
            }
            default -> { }
        }
        node.put("modified", order.text("modified"));
    }

    private void reject(JsonRow order) {
        finish(order, "rejected");
        if (order.text("type").equals("Create")) {
            setResourceState(order, "Terminated");
        }
    }

    private void finish(JsonRow order, String state) {
        String now = Ids.timestamp(store.tick());
        order.node().put("state", state);
        order.node().put("modified", now);
        order.node().put("completed_at", now);
    }

    private void setState(JsonRow order, String state) {
        order.node().put("state", state);
        order.node().put("modified", Ids.timestamp(store.tick()));
    }

    private void setResourceState(JsonRow order, String state) {
        store.resources().find(order.text("marketplace_resource_uuid")).ifPresent(resource -> {
            resource.node().put("state", state);
            resource.node().put("modified", Ids.timestamp(store.tick()));
        });
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

    /** Only limit-billed components accept limits; values are non-negative integers (CONTRACT §7.6). */
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
