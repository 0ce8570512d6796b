package dev.tally.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.emulator.store.MarketplaceRecords.OrderSpec;
import dev.tally.emulator.store.MarketplaceRecords.ResourceSpec;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one order state machine (docs/emulator.md, "Order lifecycle"): pending-consumer, then pending-project,
 * pending-provider or pending-start-date, then executing and done, with rejection, cancellation and failure, and what
 * each step does to the order's resource.
 *
 * <p>The steps themselves take the instant they happen at: the dataset generator passes the times it drew, the
 * live operations (called for HTTP requests, under the write lock) pass the store's next tick, one per timestamp.
 */
public final class OrderLifecycle {
    private final Store store;
    private final Duration processingDelay;
    private final ScheduledExecutorService scheduler;

    /** Approved orders stay executing for {@code processingDelay} on {@code scheduler}; zero completes at once. */
    public OrderLifecycle(Store store, Duration processingDelay, ScheduledExecutorService scheduler) {
        this.store = store;
        this.processingDelay = processingDelay;
        this.scheduler = scheduler;
    }

    // ---- The steps, each at a given instant.

    static void reviewByConsumer(ObjectNode order, User user, Instant at) {
        review(order, "consumer", user, at);
    }

    static void reviewByProvider(ObjectNode order, User user, Instant at) {
        review(order, "provider", user, at);
    }

    private static void review(ObjectNode order, String side, User user, Instant at) {
        order.put(side + "_reviewed_by", user.username());
        order.put(side + "_reviewed_by_full_name", user.fullName());
        order.put(side + "_reviewed_by_username", user.username());
        order.put(side + "_reviewed_at", Ids.timestamp(at));
    }

    /** A state the order waits in (a pending state or executing): it is not completed. */
    static void moveTo(ObjectNode order, OrderState state, Instant at) {
        order.put("state", state.wire());
        order.put("modified", Ids.timestamp(at));
    }

    /** A final state: done, erred, rejected or canceled, which also stamps {@code completed_at}. */
    static void finish(ObjectNode order, OrderState state, Instant at) {
        String stamp = Ids.timestamp(at);
        order.put("state", state.wire());
        order.put("modified", stamp);
        order.put("completed_at", stamp);
    }

    static void rejectByConsumer(ObjectNode order, String comment, Instant at) {
        order.put("consumer_rejection_comment", comment);
        finish(order, OrderState.REJECTED, at);
    }

    static void rejectByProvider(ObjectNode order, String comment, Instant at) {
        order.put("provider_rejection_comment", comment);
        finish(order, OrderState.REJECTED, at);
    }

    static void fail(ObjectNode order, String errorMessage, Instant at) {
        order.put("error_message", errorMessage);
        finish(order, OrderState.ERRED, at);
    }

    /**
     * The resource state an order in {@code state} puts its resource in, or null if it leaves it alone: executing
     * updates and terminations mark it Updating / Terminating, done orders OK or Terminated, failures Erred, and a
     * Create that never ran leaves a Terminated resource behind.
     */
    static ResourceState resourceStateAfter(OrderType orderType, OrderState state) {
        return switch (state) {
            case EXECUTING -> switch (orderType) {
                case UPDATE -> ResourceState.UPDATING;
                case TERMINATE -> ResourceState.TERMINATING;
                default -> null;
            };
            case DONE -> orderType == OrderType.TERMINATE ? ResourceState.TERMINATED : ResourceState.OK;
            case ERRED -> ResourceState.ERRED;
            case REJECTED, CANCELED -> orderType == OrderType.CREATE ? ResourceState.TERMINATED : null;
            default -> null;
        };
    }

    /** Sets the resource's state; {@code modified} only moves forwards. */
    static void setResourceState(ObjectNode resource, ResourceState state, Instant at) {
        resource.put("state", state.wire());
        String stamp = Ids.timestamp(at);
        if (stamp.compareTo(resource.get("modified").asText()) > 0) {
            resource.put("modified", stamp);
        }
    }

    /**
     * The resource after its order is done: Create and Update apply the order's limits (and plan, for switch_plan),
     * Terminate ends it on the day it completes.
     */
    static void applyDone(ObjectNode order, ObjectNode resource, Store store, Instant at) {
        if (OrderType.ofWire(order.get("type").asText()) == OrderType.TERMINATE) {
            resource.put("state", ResourceState.TERMINATED.wire());
            resource.put("can_terminate", false);
            resource.put("end_date", LocalDate.ofInstant(at, ZoneOffset.UTC).toString());
        } else {
            resource.set("limits", order.get("limits").deepCopy());
            JsonNode planUuid = order.get("plan_uuid");
            if (!planUuid.isNull() && !planUuid.asText().equals(resource.path("plan_uuid").asText())) {
                // switch_plan: the resource moves to the order's plan, in a new plan period.
                JsonRow plan = store.plan(planUuid.asText()).orElseThrow();
                String oldPlanUuid = resource.path("plan_uuid").asText(null);
                String oldPlanName = resource.path("plan_name").asText(null);
                resource.put("plan", plan.text("url"));
                resource.put("plan_uuid", plan.uuid());
                resource.put("plan_name", plan.text("name"));
                resource.put("plan_unit", plan.text("unit"));
                resource.put("plan_description", plan.text("description"));
                PlanPeriods.switched(store, resource, oldPlanUuid, oldPlanName, at);
            }
            resource.put("state", ResourceState.OK.wire());
            resource.put("can_terminate", true);
        }
        resource.put("modified", Ids.timestamp(at));
    }

    // ---- Live operations for requests; callers hold the write lock and have checked actor and state.

    /**
     * A new Create order and its (Creating) resource. Waldur copies the order attributes that are declared resource
     * options into {@code resource.options}; the resource is named by {@code attributes.name}, else the offering.
     */
    public JsonRow create(JsonRow project, JsonRow offering, JsonRow plan, ObjectNode limits, ObjectNode attributes,
                          String startDate, User user) {
        String name = attributes.path("name").asText(offering.text("name"));
        ObjectNode options = Json.NODES.objectNode();
        JsonNode declared = offering.get("resource_options").path("options");
        attributes.fields().forEachRemaining(e -> {
            if (declared.has(e.getKey())) {
                options.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        String created = Ids.timestamp(store.tick());
        String resourceUuid = store.newUuid();
        JsonRow resource = new JsonRow(MarketplaceRecords.resource(new ResourceSpec(resourceUuid, name, project, offering,
                plan, limits, attributes, options, created, "")));
        store.resources().add(resource);
        JsonRow order = new JsonRow(MarketplaceRecords.order(new OrderSpec(store.newUuid(), OrderType.CREATE, project, offering,
                plan, limits, attributes, created, resourceUuid, name, user, null)));
        if (startDate != null) {
            order.node().put("start_date", startDate);
        }
        store.orders().add(order);
        start(order, user);
        return order;
    }

    /**
     * A new Update or Terminate order for an existing resource, started as a Create would be. {@code plan} is the
     * order's plan (the resource's own, or the new one of switch_plan; null for Terminate); {@code requestComment}
     * null leaves the default.
     */
    public JsonRow submit(OrderType type, JsonRow resource, JsonRow plan, JsonNode limits, ObjectNode attributes,
                          String requestComment, User user) {
        JsonRow project = store.projects().find(resource.text("project_uuid")).orElseThrow();
        JsonRow offering = store.offerings().find(resource.text("offering_uuid")).orElseThrow();
        JsonRow oldPlan = store.plan(resource.text("plan_uuid")).orElseThrow();
        BigDecimal oldCost = Cost.estimate(offering.node(), oldPlan.node(), resource.get("limits"));
        JsonRow order = new JsonRow(MarketplaceRecords.order(new OrderSpec(store.newUuid(), type, project, offering, plan,
                limits, attributes, Ids.timestamp(store.tick()), resource.uuid(), resource.text("name"), user,
                oldCost)));
        if (plan != null) {
            order.node().put("old_plan_name", oldPlan.text("name"));
            order.node().put("old_plan_uuid", oldPlan.uuid());
        }
        if (requestComment != null) {
            order.node().put("request_comment", requestComment);
        }
        store.orders().add(order);
        start(order, user);
        return order;
    }

    /** An open (pending or executing) order for the resource, if any: Waldur refuses a second one. */
    public boolean hasOpenOrder(String resourceUuid) {
        for (JsonRow order : store.orders().rows()) {
            if (resourceUuid.equals(order.text("marketplace_resource_uuid")) && OrderState.of(order).open()) {
                return true;
            }
        }
        return false;
    }

    public void approveByConsumer(JsonRow order, User user) {
        reviewByConsumer(order.node(), user, store.tick());
        afterConsumer(order, user);
    }

    public void approveByProvider(JsonRow order, User user) {
        reviewByProvider(order.node(), user, store.tick());
        execute(order);
    }

    /** {@code errorMessage} null leaves the order's own. */
    public void rejectByConsumer(JsonRow order, User user, String comment, String errorMessage) {
        reviewByConsumer(order.node(), user, store.tick());
        order.node().put("consumer_rejection_comment", comment);
        if (errorMessage != null) {
            order.node().put("error_message", errorMessage);
        }
        finishLive(order, OrderState.REJECTED);
    }

    public void rejectByProvider(JsonRow order, User user, String comment) {
        reviewByProvider(order.node(), user, store.tick());
        order.node().put("provider_rejection_comment", comment);
        finishLive(order, OrderState.REJECTED);
    }

    /** cancel, and DELETE of a pending order. */
    public void cancel(JsonRow order) {
        finishLive(order, OrderState.CANCELED);
    }

    /** set_state_done: the provider reports the executing order done. */
    public void setDone(JsonRow order) {
        complete(order);
    }

    /** set_state_erred: the provider reports the executing order failed. */
    public void setErred(JsonRow order, String errorMessage) {
        order.node().put("error_message", errorMessage);
        finishLive(order, OrderState.ERRED);
    }

    /** The writable fields of a pending order (8.0.5 OrderUpdate); null limits or attributes are left as they are. */
    public record Edit(ObjectNode limits, JsonNode attributes, boolean setsStartDate, String startDate) {
    }

    /**
     * Edits a pending order. New limits re-run the cost, so {@code cost} and {@code new_cost_estimate} follow; an
     * order in pending-start-date whose start date becomes today or earlier executes, as Waldur's daily
     * process_pending_start_date_orders would.
     */
    public void update(JsonRow order, Edit edit) {
        ObjectNode node = order.node();
        if (edit.limits() != null) {
            JsonRow offering = store.offerings().find(order.text("offering_uuid")).orElseThrow();
            node.set("limits", edit.limits());
            BigDecimal cost = Cost.orderCost(OrderType.of(order), offering.node(),
                    store.plan(order.text("plan_uuid")).map(JsonRow::node).orElse(null), edit.limits());
            node.put("cost", cost == null ? null : Ids.decimal10(cost));
            node.put("new_cost_estimate", cost == null ? null : Ids.decimal10(cost));
        }
        if (edit.attributes() != null) {
            node.set("attributes", edit.attributes().deepCopy());
        }
        if (edit.setsStartDate()) {
            node.put("start_date", edit.startDate());
        }
        node.put("modified", Ids.timestamp(store.tick()));
        if (OrderState.of(order) == OrderState.PENDING_START_DATE && edit.startDate() != null
                && !isFuture(edit.startDate())) {
            execute(order);
        }
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
            if (projectUuid.equals(order.text("project_uuid")) && OrderState.of(order) == OrderState.PENDING_PROJECT) {
                User creator = store.userByName(order.text("created_by_username")).orElse(null);
                continueProcessing(order, creator == null ? store.usersByName().get("staff") : creator);
            }
        }
    }

    /** Staff and orders inside the provider's own organisation (auto_approve_in_service_provider_projects) skip consumer review. */
    private void start(JsonRow order, User user) {
        if (user.staff() || ownProvider(order)) {
            approveByConsumer(order, user);
        }
    }

    private static boolean ownProvider(JsonRow order) {
        return order.text("customer_uuid").equals(order.text("provider_uuid"))
                && order.get("offering_plugin_options").path("auto_approve_in_service_provider_projects").asBoolean();
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
            moveTo(order.node(), OrderState.PENDING_PROJECT, store.tick());
            return;
        }
        continueProcessing(order, user);
    }

    private void continueProcessing(JsonRow order, User user) {
        String offeringType = order.text("offering_type");
        boolean providerReview = offeringType.equals("Marketplace.Basic") || offeringType.equals("Marketplace.Slurm");
        if (providerReview && !ownProvider(order)) {
            moveTo(order.node(), OrderState.PENDING_PROVIDER, store.tick());
            return;
        }
        if (isFuture(order.text("start_date"))) {
            moveTo(order.node(), OrderState.PENDING_START_DATE, store.tick());
            return;
        }
        reviewByProvider(order.node(), user, store.tick());
        execute(order);
    }

    private boolean isFuture(String date) {
        return date != null && LocalDate.parse(date.substring(0, 10)).isAfter(LocalDate.ofInstant(store.now(),
                ZoneOffset.UTC));
    }

    private void execute(JsonRow order) {
        moveTo(order.node(), OrderState.EXECUTING, store.tick());
        resourceFollows(order);
        if (processingDelay.isZero() || scheduler == null) {
            complete(order);
            return;
        }
        scheduler.schedule(() -> {
            var lock = store.writeLock();
            lock.lock();
            try {
                if (OrderState.of(order) == OrderState.EXECUTING) {
                    complete(order);
                }
            } finally {
                lock.unlock();
            }
        }, processingDelay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void complete(JsonRow order) {
        Instant at = store.tick();
        finish(order.node(), OrderState.DONE, at);
        applyDone(order.node(), store.resources().find(order.text("marketplace_resource_uuid")).orElseThrow().node(),
                store, at);
    }

    private void finishLive(JsonRow order, OrderState state) {
        finish(order.node(), state, store.tick());
        resourceFollows(order);
    }

    // The resource takes the state the order's new state implies, stamped with a tick of its own.
    private void resourceFollows(JsonRow order) {
        ResourceState state = resourceStateAfter(OrderType.of(order), OrderState.of(order));
        if (state != null) {
            store.resources().find(order.text("marketplace_resource_uuid"))
                    .ifPresent(resource -> setResourceState(resource.node(), state, store.tick()));
        }
    }
}
